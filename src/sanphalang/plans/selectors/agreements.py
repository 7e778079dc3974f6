"""Reads of agreements (MOUs), their parties, signatories and documents: read in the agreement's province."""

from django.db.models import Prefetch, Q, QuerySet
from django.http import Http404

from sanphalang.accounts.models import User
from sanphalang.meetings.models import Meeting
from sanphalang.meetings.selectors.meetings import meeting_list
from sanphalang.thai.dates import BE_OFFSET

from ..access import agreement_read_q, require_agreement_write
from ..models import Agreement, AgreementDocument, AgreementParty, Signatory


def agreement_list(*, user: User, year_be: int | None = None, plan: int | None = None) -> QuerySet[Agreement]:
    """The agreements the user may read, newest first; signed in one year (BE), or of one plan."""
    qs = Agreement.objects.filter(agreement_read_q(user))
    if year_be:
        qs = qs.filter(
            Q(signed_on__year=year_be - BE_OFFSET) | Q(signed_on__isnull=True, plan__year_be=year_be)
        )
    if plan:
        qs = qs.filter(plan_id=plan)
    return qs.select_related("area__parent__parent", "plan")


def agreement_get(*, user: User, pk: int) -> Agreement:
    signatories = Signatory.objects.select_related("person").order_by("pk")
    parties = AgreementParty.objects.select_related("organisation__area").prefetch_related(
        Prefetch("signatories", queryset=signatories)
    )
    try:
        return (
            agreement_list(user=user)
            .select_related("meeting__body", "plan__area", "plan__region")
            .prefetch_related(
                Prefetch("parties", queryset=parties.order_by("order", "pk")),
                Prefetch("documents", queryset=AgreementDocument.objects.order_by("pk")),
            )
            .get(pk=pk)
        )
    except (Agreement.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def agreement_get_for_change(*, user: User, pk: int) -> Agreement:
    agreement = agreement_get(user=user, pk=pk)
    require_agreement_write(user, agreement)
    return agreement


def agreement_party_get(*, user: User, pk: int) -> AgreementParty:
    try:
        return (
            AgreementParty.objects.filter(agreement_read_q(user, "agreement__"))
            .select_related("agreement", "organisation")
            .prefetch_related(Prefetch("signatories", queryset=Signatory.objects.select_related("person")))
            .get(pk=pk)
        )
    except (AgreementParty.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def agreement_party_get_for_change(*, user: User, pk: int) -> AgreementParty:
    party = agreement_party_get(user=user, pk=pk)
    require_agreement_write(user, party.agreement)
    return party


def signatory_get(*, user: User, pk: int) -> Signatory:
    try:
        return (
            Signatory.objects.filter(agreement_read_q(user, "party__agreement__"))
            .select_related("party__agreement", "party__organisation", "person")
            .get(pk=pk)
        )
    except (Signatory.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def signatory_get_for_change(*, user: User, pk: int) -> Signatory:
    signatory = signatory_get(user=user, pk=pk)
    require_agreement_write(user, signatory.party.agreement)
    return signatory


def agreement_document_get(*, user: User, pk: int) -> AgreementDocument:
    """A document of an agreement the user may read, for download."""
    try:
        return (
            AgreementDocument.objects.filter(agreement_read_q(user, "agreement__"))
            .select_related("agreement")
            .get(pk=pk)
        )
    except (AgreementDocument.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def agreement_document_get_for_change(*, user: User, pk: int) -> AgreementDocument:
    document = agreement_document_get(user=user, pk=pk)
    require_agreement_write(user, document.agreement)
    return document


def readable_meeting(*, user: User, meeting_id: int | None) -> Meeting | None:
    """The meeting a plan or an agreement links to, if the user may read it: a district reads its province's
    agreement, but not the meetings of another district where it may have been signed."""
    if not meeting_id:
        return None
    return meeting_list(user=user).filter(pk=meeting_id).first()
