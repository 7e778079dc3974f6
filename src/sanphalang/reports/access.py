"""Who sees which figures and reports. Figures are counts: anyone reads those of their own areas (viewers and
partners included); no figure names a person, so no personal-data rule applies to them. A quarterly report belongs
to its province: its coordinators in that province edit and issue it; anyone in the province reads it."""

from django.db.models import Q

from sanphalang.areas.scoping import require_administrator, require_read, require_write, scope_for
from sanphalang.errors import Access, AccessDenied


def figures_q(user, field: str = "area_id") -> Q:
    """Rows that count in the user's figures: those of the user's areas and below."""
    return scope_for(user).subtree_q(field)


def require_dashboard(user, code: str) -> None:
    """A dashboard opens for an area the user works in, or one above it (whose figures then cover only the
    user's own areas)."""
    require_read(user, code, include_ancestors=True)


def can_open_dashboard(user, code: str) -> bool:
    try:
        require_dashboard(user, code)
    except AccessDenied:
        return False
    return True


def require_report_read(user, province_code: str) -> None:
    require_read(user, province_code)


def require_report_write(user, province_code: str) -> None:
    require_write(user, province_code)


def require_boundary_import(user) -> None:
    require_administrator(user, Access.ADMINISTRATOR_ONLY_BOUNDARIES)
