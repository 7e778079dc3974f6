"""API routes of households and their members: reads through the care selectors (each read in the access log),
writes through the care services. A search by national ID is a POST, so that no ID sits in a URL."""

from django.utils.translation import gettext as _
from ninja import Query, Router, Status

from sanphalang.accounts.audit import log_reads
from sanphalang.care.errors import CareError
from sanphalang.care.selectors.households import (
    household_counts,
    household_get,
    household_get_for_change,
    household_search,
    member_get,
    member_get_for_change,
    national_id_digits,
)
from sanphalang.care.services import households as services
from sanphalang.care.services.households import PossibleDuplicate

from .errors import ApiError, error_body
from .pagination import page_of, paginate
from .schemas_care_households import (
    HouseholdCountsOut,
    HouseholdIn,
    HouseholdOut,
    HouseholdPatch,
    HouseholdQuery,
    HouseholdSearchIn,
    MemberFoundOut,
    MemberIn,
    MemberOut,
    MemberPatch,
    PossibleDuplicateOut,
    household_out,
    member_found_out,
    member_out,
    member_values,
)
from .thai_fields import RecordId
from .versions import CONFLICT, built_on

router = Router(tags=["care"])
CHANNEL = "api"


def _found(request, query: HouseholdQuery) -> dict:
    members = household_search(user=request.auth, query=query.q, area=query.area)
    page = paginate(members, query)
    log_reads(request.auth, page["items"], channel=CHANNEL, detail="search")
    page["items"] = [member_found_out(request.auth, member) for member in page["items"]]
    return page


@router.get("/care/households/counts", response=HouseholdCountsOut)
def count_households(request, area: str | None = None):
    """Households, and members elderly and alone, bedridden or disabled, per area one level down: any role."""
    counts = household_counts(user=request.auth, area=area)

    def row(code, values) -> dict:
        names = ("households", "elderly_alone", "bedridden", "disabled")
        return {"area_code": code, **{name: getattr(values, name) for name in names}}

    return {
        "area_code": counts.total.code,
        "rows": [row(r.code, r) for r in counts.rows],
        "total": row(counts.total.code, counts.total),
    }


@router.get("/care/households", response=page_of(MemberFoundOut))
def search_households(request, query: Query[HouseholdQuery]):
    """Members found by a fragment of a name, a house number or an address. A national ID is refused here."""
    if national_id_digits(query.q):
        raise ApiError(
            422,
            _("Search by national ID with POST /api/care/households/search: an ID is never put in a URL."),
            code="national_id_in_url",
            field="q",
        )
    return _found(request, query)


@router.post("/care/households/search", response=page_of(MemberFoundOut))
def search_households_posted(request, payload: HouseholdSearchIn):
    """Members found by a national ID (any spelling), or a fragment of a name, a house number or an address."""
    return _found(request, payload)


@router.post("/care/households", response={201: HouseholdOut, 422: PossibleDuplicateOut})
def register_household(request, payload: HouseholdIn):
    """Register a household with its members. A household of the subdistrict that may be the same is answered
    with 422 possible_duplicate and the candidates' ids; send override_reason to register anyway."""
    fields = payload.dict(exclude={"members", "override_reason"})
    try:
        household = services.household_register(
            by=request.auth,
            members=[member_values(member.dict()) for member in payload.members],
            override_reason=payload.override_reason,
            channel=CHANNEL,
            **fields,
        )
    except PossibleDuplicate as duplicate:
        body = error_body(duplicate.messages[0], CareError.POSSIBLE_DUPLICATE.code)
        return Status(422, {**body, "candidates": [household.pk for household in duplicate.candidates]})
    return Status(
        201, household_out(request.auth, household_get(user=request.auth, pk=household.pk, channel=CHANNEL))
    )


@router.get("/care/households/{household_id}", response=HouseholdOut)
def get_household(request, household_id: RecordId):
    return household_out(request.auth, household_get(user=request.auth, pk=household_id, channel=CHANNEL))


@router.patch("/care/households/{household_id}", response={200: HouseholdOut, **CONFLICT})
def update_household(request, household_id: RecordId, payload: HouseholdPatch):
    household = household_get_for_change(user=request.auth, pk=household_id, channel=CHANNEL)
    fields = built_on(request, payload.dict(exclude_unset=True))
    services.household_update(by=request.auth, household=household, channel=CHANNEL, **fields)
    return household_out(request.auth, household_get(user=request.auth, pk=household_id, channel=CHANNEL))


@router.post("/care/households/{household_id}/members", response={201: MemberOut})
def add_member(request, household_id: RecordId, payload: MemberIn):
    household = household_get_for_change(user=request.auth, pk=household_id, channel=CHANNEL)
    member = services.member_add(
        by=request.auth, household=household, channel=CHANNEL, **member_values(payload.dict())
    )
    return Status(201, member_out(request.auth, member_get(user=request.auth, pk=member.pk, channel=CHANNEL)))


@router.get("/care/members/{member_id}", response=MemberOut)
def get_member(request, member_id: RecordId):
    return member_out(request.auth, member_get(user=request.auth, pk=member_id, channel=CHANNEL))


@router.patch("/care/members/{member_id}", response={200: MemberOut, **CONFLICT})
def update_member(request, member_id: RecordId, payload: MemberPatch):
    member = member_get_for_change(user=request.auth, pk=member_id, channel=CHANNEL)
    fields = member_values(built_on(request, payload.dict(exclude_unset=True)))
    services.member_update(by=request.auth, member=member, channel=CHANNEL, **fields)
    return member_out(request.auth, member_get(user=request.auth, pk=member_id, channel=CHANNEL))


@router.delete("/care/members/{member_id}", response={204: None})
def remove_member(request, member_id: RecordId):
    """Remove a member; a household keeps at least one (422)."""
    member = member_get_for_change(user=request.auth, pk=member_id, channel=CHANNEL)
    services.member_remove(by=request.auth, member=member, channel=CHANNEL)
    return Status(204, None)
