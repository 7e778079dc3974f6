"""The roll-up of the funds' yearly figures printed as a PDF: the table a network brings to the governor's meeting."""

from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from sanphalang.accounts.models import User
from sanphalang.areas.models import Area
from sanphalang.areas.scoping import scope_for
from sanphalang.meetings.documents.pdf import html_to_pdf
from sanphalang.thai.digits import to_thai_digits
from sanphalang.thai.preferences import prefers_thai_digits


def rollup_area_name(user: User) -> str:
    """The area a user's roll-up covers, as a title names it: "จังหวัดเชียงราย", or the country for a national user."""
    scope = scope_for(user)
    if scope.national:
        return _("Thailand")
    areas = Area.objects.filter(code__in=scope.prefixes).order_by("code")
    return " ".join(area.display_path for area in areas)


def rollup_pdf_title(*, title: str, user: User, year: int | None) -> str:
    """The printed title: what the table counts, the area it covers and the year (BE) of its figures."""
    area = rollup_area_name(user)
    if year is None:
        return _("%(title)s, %(area)s") % {"title": title, "area": area}
    shown_year = to_thai_digits(str(year)) if prefers_thai_digits() else str(year)
    return _("%(title)s, %(area)s, year %(year)s") % {"title": title, "area": area, "year": shown_year}


def render_rollup_pdf(*, title: str, rows: list[dict], total: dict, year: int | None, user: User) -> bytes:
    """A4 landscape, Sarabun, BE dates; numbers in the digits the user prefers (the template filters read it). The
    total is printed once, after the last row, not at the foot of every page."""
    html = render_to_string(
        "welfare/documents/rollup.html",
        {
            "title": rollup_pdf_title(title=title, user=user, year=year),
            "rows": rows,
            "total": total,
            "year": year,
            "printed_on": timezone.localdate(),
        },
    )
    return html_to_pdf(html)
