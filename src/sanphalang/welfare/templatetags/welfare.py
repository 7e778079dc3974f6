"""Template filters of the welfare pages: a linkage reason in the user's language."""

from django import template

from ..linkage.reasons import reason_label

register = template.Library()


@register.filter
def link_reason(reason) -> str:
    return reason_label(reason)
