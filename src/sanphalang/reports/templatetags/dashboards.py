"""How a dashboard writes its figures: values with their separators in the reader's digits, and changes with
their sign and share."""

from decimal import Decimal

from django import template
from django.utils.translation import gettext as _

from sanphalang.thai.digits import to_thai_digits
from sanphalang.thai.preferences import prefers_thai_digits

from ..charts import format_number

register = template.Library()


@register.filter
def figure_value(value, money: bool = False) -> str:
    return format_number(value, money=bool(money))


@register.filter
def signed(value, money: bool = False) -> str:
    """A change with its sign: +3, −2 (a minus sign, not a hyphen), 0."""
    if value is None:
        return ""
    number = Decimal(value)
    text = format_number(abs(number), money=bool(money))
    return ("+" if number > 0 else "−" if number < 0 else "") + text


@register.filter
def share(value) -> str:
    """A change as a share of what was before, as a signed whole percentage."""
    if value is None:
        return ""
    percent = round(Decimal(value) * 100)
    text = f"{abs(percent):,}%"
    if prefers_thai_digits():
        text = to_thai_digits(text)
    return ("+" if percent > 0 else "−" if percent < 0 else "") + text


@register.filter
def direction(value) -> str:
    """up, down or same: the arrow and colour of a change."""
    if value is None or Decimal(value) == 0:
        return "same"
    return "up" if Decimal(value) > 0 else "down"


@register.simple_tag
def change_words(value) -> str:
    """The change for a screen reader, which does not read the arrow."""
    kind = direction(value)
    return {"up": _("up"), "down": _("down"), "same": _("no change")}[kind]
