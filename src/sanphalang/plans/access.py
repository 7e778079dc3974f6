"""Who may read and change the records of plans, stated once.

A plan, and everything under it (agreements, projects, targets, progress), is read by anyone who works in the
plan's province (a district coordinator reads the province's agenda and its roll-up); a region's plan by anyone who
works in one of its provinces. A plan is changed by those who may write its area, a region's plan by those who may
write every one of its provinces. Progress is entered for an area by those who may write that area, and approved by
those who may change the plan. Charters and registrations are read in their province and changed in their area.
"""

from django.db.models import Q

from sanphalang.areas.scoping import require_write, require_writer, scope_for
from sanphalang.errors import AccessDenied


def scope_provinces(user) -> tuple[str, ...] | None:
    """The provinces the user works in; None for all of Thailand."""
    scope = scope_for(user)
    if scope.national:
        return None
    return tuple(sorted({prefix[:2] for prefix in scope.prefixes}))


def province_read_q(user, field: str) -> Q:
    """Rows whose area (field holds its code) lies in a province the user works in."""
    provinces = scope_provinces(user)
    if provinces is None:
        return Q()
    if not provinces:
        return Q(pk__in=[])
    lookup = f"{field[:-3]}__pk" if field.endswith("_id") else field
    q = Q()
    for code in provinces:
        q |= Q(**{f"{lookup}__startswith": code})
    return q


def plan_read_q(user, prefix: str = "") -> Q:
    """Plans (reached through prefix, e.g. "indicator__plan__") the user may read."""
    provinces = scope_provinces(user)
    if provinces is None:
        return Q()
    if not provinces:
        return Q(pk__in=[])
    return province_read_q(user, f"{prefix}area_id") | Q(
        **{f"{prefix}region__provinces__code__in": provinces}
    )


def plan_readable(user, plan) -> bool:
    provinces = scope_provinces(user)
    if provinces is None:
        return True
    if plan.region_id:
        return any(code in provinces for code in plan_province_codes(plan))
    return plan.area_id[:2] in provinces


def plan_province_codes(plan) -> list[str]:
    if plan.region_id:
        return sorted(p.code for p in plan.region.provinces.all())
    return [plan.area_id[:2]]


def require_plan_write(user, plan) -> None:
    """Raise AccessDenied unless the user may change the plan (and so approve its progress)."""
    if plan.region_id:
        require_writer(user)
        for code in plan_province_codes(plan):
            require_write(user, code)
    else:
        require_write(user, plan.area_id)


def can_change_plan(user, plan) -> bool:
    try:
        require_plan_write(user, plan)
    except AccessDenied:
        return False
    return True


def plan_covers(plan, code: str | None) -> bool:
    """Whether an area lies in the plan's area or one of its region's provinces."""
    if not code:
        return False
    if plan.region_id:
        return code[:2] in plan_province_codes(plan)
    return code.startswith(plan.area_id) or plan.area_id == "TH"
