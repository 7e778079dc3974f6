"""Reads for a household's rights under the PDPA: the household an administrator acts on, and who read or changed
any record of it (its members, cases and what hangs off them), from the access log."""

from django.db.models import Q, QuerySet
from django.shortcuts import get_object_or_404

from sanphalang.accounts.models import AccessLog
from sanphalang.areas.scoping import require_administrator
from sanphalang.errors import Access

from ..models import (
    AffectedHousehold,
    Assessment,
    Case,
    FollowUp,
    FundRequest,
    Help,
    Household,
    HousingWork,
    LegalStatusCase,
    LegalStatusDocument,
    LegalStatusEvent,
    Member,
    Referral,
)


def privacy_household_get(
    *, user, pk: int, refusal: Access = Access.ADMINISTRATOR_ONLY_ACCESS_LOG
) -> Household:
    """The household an administrator exports, erases or reads the access log of; anyone else is refused with
    the refusal of what they asked for, before anything of the household is read."""
    require_administrator(user, refusal)
    return get_object_or_404(Household.objects.select_related("area"), pk=pk)


def household_record_ids(household: Household) -> dict[type, list[int]]:
    """The ids of every record that holds something of the household, by model (the household included)."""
    case_ids = list(Case.objects.filter(household=household).values_list("pk", flat=True))
    status_ids = list(
        LegalStatusCase.objects.filter(member__household=household).values_list("pk", flat=True)
    )
    related = {
        Household: [household.pk],
        Member: Member.objects.filter(household=household),
        Case: case_ids,
        Assessment: Assessment.objects.filter(case_id__in=case_ids),
        Help: Help.objects.filter(case_id__in=case_ids),
        Referral: Referral.objects.filter(case_id__in=case_ids),
        FollowUp: FollowUp.objects.filter(case_id__in=case_ids),
        FundRequest: FundRequest.objects.filter(case_id__in=case_ids),
        LegalStatusCase: status_ids,
        LegalStatusEvent: LegalStatusEvent.objects.filter(case_id__in=status_ids),
        LegalStatusDocument: LegalStatusDocument.objects.filter(case_id__in=status_ids),
        HousingWork: HousingWork.objects.filter(household=household),
        AffectedHousehold: AffectedHousehold.objects.filter(household=household),
    }
    return {
        model: ids if isinstance(ids, list) else list(ids.values_list("pk", flat=True))
        for model, ids in related.items()
    }


def access_history(*, user, household: Household) -> QuerySet[AccessLog]:
    """Every access-log row of the household and of every record of it, newest first (administrators only)."""
    require_administrator(user, Access.ADMINISTRATOR_ONLY_ACCESS_LOG)
    condition = Q(pk__in=[])
    for model, ids in household_record_ids(household).items():
        if ids:
            condition |= Q(model=model._meta.label_lower, object_id__in=[str(pk) for pk in ids])
    return AccessLog.objects.filter(condition).select_related("user").order_by("-at", "-id")
