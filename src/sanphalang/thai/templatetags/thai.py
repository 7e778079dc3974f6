"""Template filters for Thai display: BE dates and the user's preferred digits."""

from decimal import Decimal

from django import template
from django.utils import formats
from django.utils.translation import get_language

from ..dates import BE_OFFSET, format_be_date
from ..digits import to_thai_digits
from ..preferences import prefers_thai_digits

register = template.Library()


def _be(value, style: str) -> str:
    if not value:
        return ""
    if hasattr(value, "astimezone") and hasattr(value, "hour"):
        from django.utils import timezone

        value = timezone.localtime(value)
    if (get_language() or "th").startswith("th"):
        return format_be_date(value, style=style, thai_digits=prefers_thai_digits())
    # English readers still see the BE year, which is the one on every Thai document.
    fmt = "j F" if style == "long" else "j M"
    return f"{formats.date_format(value, fmt)} {value.year + BE_OFFSET} BE"


@register.filter
def be_date(value, style: str = "long") -> str:
    return _be(value, style)


@register.filter
def be_datetime(value) -> str:
    if not value:
        return ""
    from django.utils import timezone

    local = timezone.localtime(value)
    time_text = local.strftime("%H:%M")
    if prefers_thai_digits():
        time_text = to_thai_digits(time_text)
    return f"{_be(local, 'short')} {time_text}"


@register.filter
def digits(value) -> str:
    """Show a number (or text holding numbers) in the user's preferred digits."""
    if value is None:
        return ""
    text = f"{value:,}" if isinstance(value, int) else str(value)
    return to_thai_digits(text) if prefers_thai_digits() else text


@register.filter
def amount(value) -> str:
    """Show a sum of money with thousands separators and satang, in the user's preferred digits; "—" if unknown."""
    if value is None or value == "":
        return "—"
    return digits(f"{Decimal(value):,.2f}")
