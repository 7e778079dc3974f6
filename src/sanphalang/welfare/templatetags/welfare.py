from django import template

from ..linkage.reasons import reason_label

register = template.Library()


@register.filter
def link_reason(reason) -> str:
    return reason_label(reason)
