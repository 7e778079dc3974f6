"""How a page names a person on another record: {% person_shown person role %}, decided by person_shown_to."""

from django import template

from sanphalang.directory.selectors import person_shown_to

register = template.Library()


@register.simple_tag(takes_context=True)
def person_shown(context, person, role=""):
    """The person as the page's reader may see them: linked, the name alone, or "a member outside your area";
    with "as name" the PersonShown itself (its .name for plain text)."""
    shown = person_shown_to(user=context["request"].user, person=person, role=role)
    return shown if shown is not None else ""
