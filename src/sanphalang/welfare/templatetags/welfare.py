"""Template filters of the welfare pages: a linkage reason in the user's language, a roll-up's yearly change."""

from django import template
from django.utils.html import format_html
from django.utils.translation import gettext as _

from sanphalang.thai.templatetags.thai import digits

from ..linkage.reasons import reason_label

register = template.Library()


@register.filter
def link_reason(reason) -> str:
    return reason_label(reason)


@register.filter
def year_change(change) -> str:
    """The change since the year before under a roll-up figure, in per cent: a filter rather than an include, as
    a national roll-up shows three on each of its thousand rows."""
    if change is None or change == "":
        return ""
    return format_html(
        '<div class="small {}">{}{}%<span class="visually-hidden"> {}</span></div>',
        "text-danger" if change < 0 else "text-success",
        "+" if change > 0 else "",
        digits(change),
        _("since the year before"),
    )
