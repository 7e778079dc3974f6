"""API routes of a household's PDPA rights, for administrators: who read or changed its records, a copy of
everything held about it (national IDs in full), and the erasure of its personal data."""

from ninja import Query, Router

from sanphalang.care.selectors import privacy as selectors
from sanphalang.care.services import privacy as services
from sanphalang.errors import Access

from .pagination import page_of, paginate
from .schemas_care_privacy import AccessLogEntryOut, AccessLogQuery, AnonymisedOut, AnonymiseIn
from .thai_fields import RecordId

router = Router(tags=["care: privacy"])
CHANNEL = "api"


@router.get("/care/households/{household_id}/access-log", response=page_of(AccessLogEntryOut))
def household_access_log(request, household_id: RecordId, filters: Query[AccessLogQuery]):
    household = selectors.privacy_household_get(user=request.auth, pk=household_id)
    return paginate(selectors.access_history(user=request.auth, household=household), filters)


@router.post("/care/households/{household_id}/export", response=dict)
def household_export(request, household_id: RecordId):
    """Everything held about the household, as the web page's JSON file."""
    household = selectors.privacy_household_get(
        user=request.auth, pk=household_id, refusal=Access.ADMINISTRATOR_ONLY_PERSONAL_EXPORT
    )
    return services.household_export(by=request.auth, household=household, channel=CHANNEL)


@router.post("/care/households/{household_id}/anonymise", response=AnonymisedOut)
def household_anonymise(request, household_id: RecordId, payload: AnonymiseIn):
    household = selectors.privacy_household_get(
        user=request.auth, pk=household_id, refusal=Access.ADMINISTRATOR_ONLY_ERASE
    )
    return services.household_anonymise(
        by=request.auth, household=household, reason=payload.reason, channel=CHANNEL
    )
