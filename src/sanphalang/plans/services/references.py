"""The records a change of a plan or an agreement names, found as the user may see them: the area it belongs to,
a region, the meeting where it was adopted or signed, issue areas, national strategies, organisations, people."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db.models import Model, Q

from sanphalang.areas.models import Area, AreaLevel, Region
from sanphalang.directory.selectors import issue_area_list, organisation_list, person_list
from sanphalang.meetings.selectors.meetings import meeting_list
from sanphalang.thai.digits import parse_number

from ..errors import PlanError
from ..models import NationalStrategy

if TYPE_CHECKING:
    from sanphalang.accounts.models import User

# The levels an area's plan or agreement belongs to.
PLAN_LEVELS = (AreaLevel.PROVINCE, AreaLevel.DISTRICT, AreaLevel.SUBDISTRICT)


def _pk(value):
    return value.pk if isinstance(value, Model) else value


def plan_area(code, *, current: Area | None = None) -> Area:
    """The province, district or subdistrict of the typed code (Thai digits too)."""
    code = parse_number(str(code or "")).strip()
    if current is not None and code == current.code:
        return current
    area = Area.objects.filter(code=code, is_active=True, level__in=PLAN_LEVELS).first()
    if area is None:
        raise PlanError.NOT_A_PROVINCE_OR_BELOW.error("area_code")
    return area


def region_by_slug(slug: str) -> Region:
    region = Region.objects.filter(slug=(slug or "").strip()).first()
    if region is None:
        raise PlanError.NO_SUCH_REGION.error("region_slug")
    return region


def visible_one(by: User, value, *, find, error: PlanError, current=None):
    """The record given by object or id, if the user may see it; an unchanged link stays as it is, even to a
    record the user does not see."""
    if value in (None, ""):
        return None
    pk = _pk(value)
    if current is not None and str(pk) == str(current.pk):
        return current
    try:
        found = find(user=by).filter(pk=pk).first()
    except (ValueError, TypeError):
        found = None
    if found is None:
        raise error.error(error.field)
    return found


def visible_meeting(by: User, value, *, current=None):
    return visible_one(by, value, find=meeting_list, error=PlanError.MEETING_NOT_VISIBLE, current=current)


def visible_organisation(by: User, value, *, current=None):
    return visible_one(
        by, value, find=organisation_list, error=PlanError.ORGANISATION_NOT_VISIBLE, current=current
    )


def visible_person(by: User, value, *, current=None):
    if value in (None, ""):
        raise PlanError.SIGNATORY_NEEDS_NAME.error("person")
    return visible_one(by, value, find=person_list, error=PlanError.PERSON_NOT_VISIBLE, current=current)


def _many(values) -> set:
    return {_pk(value) for value in values or ()}


def issue_areas_of(by: User, values, *, province_codes) -> list:
    """The issue areas given, each national or of one of the plan's provinces, and visible to the user."""
    wanted = _many(values)
    if not wanted:
        return []
    try:
        found = list(
            issue_area_list(user=by)
            .filter(Q(province__isnull=True) | Q(province_id__in=list(province_codes)), pk__in=wanted)
            .select_related(None)
        )
    except (ValueError, TypeError):
        found = []
    if len(found) != len(wanted):
        raise PlanError.ISSUE_AREA_NOT_VISIBLE.error("issue_area_ids")
    return found


def strategies_of(values) -> list[NationalStrategy]:
    wanted = _many(values)
    try:
        found = list(NationalStrategy.objects.filter(pk__in=wanted))
    except (ValueError, TypeError):
        found = []
    if len(found) != len(wanted):
        raise PlanError.STRATEGY_UNKNOWN.error("strategy_ids")
    return found
