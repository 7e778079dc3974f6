"""Who may see and change the records of people in care, and which of their fields, stated once.

People in hardship are the most sensitive records the system keeps (PDPA sections 26 and 27): a household is seen
by those who work with it, and everyone else sees counts only.

| reader | households, members and cases of their areas | a case referred to their organisation | counts |
|---|---|---|---|
| administrator | everything, national IDs in full | — | all of Thailand |
| provincial coordinator | everything, national IDs in full | — | their areas |
| area coordinator | everything, national IDs masked | — | their areas |
| partner agency | nothing | when the household consented to sharing: the name, address, the case and the referral; no health, legal status or national ID | their areas |
| viewer | nothing | — | their areas |

Health (disability, chronic illness, bedridden) and legal status (with legal status cases) are shown only to the
roles that see everything. The social fund is read by those who work in its province and decided by its
committee; disaster-risk areas and incidents are not personal and are read in their area and below (the
households an incident hit are shown by the rules above).
"""

from dataclasses import dataclass
from enum import StrEnum

from django.db.models import Q

from sanphalang.accounts.models import Role
from sanphalang.areas.scoping import require_write, require_writer, scope_for
from sanphalang.errors import Access, AccessDenied
from sanphalang.plans.access import scope_provinces

from .errors import CareError
from .models import CaseKind, ReferralStatus

# The roles that see the people of their areas, with their health and legal status.
CARE_ROLES = {Role.ADMINISTRATOR, Role.PROVINCIAL_COORDINATOR, Role.AREA_COORDINATOR}
# Of those, the roles that see a national ID in full (others see x-xxxx-xxxx1-23-4).
FULL_NATIONAL_ID_ROLES = {Role.ADMINISTRATOR, Role.PROVINCIAL_COORDINATOR}
# A referral the agency still holds or has held: a revoked one no longer opens the case to it.
SHARED_REFERRAL_STATUSES = [
    ReferralStatus.IN_PROGRESS,
    ReferralStatus.ACCEPTED,
    ReferralStatus.REJECTED,
    ReferralStatus.DONE,
]


def _role(user) -> str | None:
    if not (user and user.is_authenticated and user.is_active):
        return None
    return Role.ADMINISTRATOR if user.is_administrator else user.role


def sees_people(user) -> bool:
    """Whether the user's role sees the people of its areas (not only counts)."""
    return _role(user) in CARE_ROLES


def _agency_id(user) -> int | None:
    """The organisation a partner agency's user answers referrals for."""
    return user.organisation_id if _role(user) == Role.PARTNER else None


def is_partner_agency(user) -> bool:
    """Whether cases can be referred to the user's agency (a partner agency's user with an organisation)."""
    return bool(_agency_id(user))


class NationalIdShown(StrEnum):
    FULL = "full"
    MASKED = "masked"
    NONE = "none"


@dataclass(frozen=True)
class FieldsShown:
    """Which groups of a person's fields a reader sees on one record."""

    identity: bool  # names, address, phone, the case's texts
    health: bool  # disability, chronic illness, bedridden
    legal_status: bool  # legal status, why no national ID, legal status cases
    national_id: NationalIdShown


NOTHING_SHOWN = FieldsShown(
    identity=False, health=False, legal_status=False, national_id=NationalIdShown.NONE
)
REFERRED_SHOWN = FieldsShown(
    identity=True, health=False, legal_status=False, national_id=NationalIdShown.NONE
)


def fields_shown(user, area_code: str | None, *, referred: bool = False) -> FieldsShown:
    """What the user sees of a person living in area_code; referred: the record reached the user through a
    referral to their agency (the selectors decide that, with the household's consent)."""
    role = _role(user)
    if role in CARE_ROLES and scope_for(user).covers(area_code):
        national_id = NationalIdShown.FULL if role in FULL_NATIONAL_ID_ROLES else NationalIdShown.MASKED
        return FieldsShown(identity=True, health=True, legal_status=True, national_id=national_id)
    if referred and _agency_id(user):
        return REFERRED_SHOWN
    return NOTHING_SHOWN


def people_q(user, field: str = "area_id") -> Q:
    """Rows of people (households, members, cases; field holds their area code) the user sees in full."""
    if not sees_people(user):
        return Q(pk__in=[])
    return scope_for(user).subtree_q(field)


def referred_cases_q(user, prefix: str = "") -> Q:
    """Cases (reached through prefix, e.g. "case__") referred to the user's agency, with the consent to share."""
    agency = _agency_id(user)
    if not agency:
        return Q(pk__in=[])
    return Q(
        **{
            f"{prefix}referrals__agency_id": agency,
            f"{prefix}referrals__status__in": SHARED_REFERRAL_STATUSES,
            f"{prefix}household__consent_for_sharing": True,
        }
    )


def case_read_q(user, prefix: str = "") -> Q:
    """Cases the user may open: those of their areas (care roles) and those referred to their agency (partners).
    One or the other, never both ORed: a national scope is the empty Q(), which an OR would drop."""
    if sees_people(user):
        return people_q(user, f"{prefix}area_id")
    return referred_cases_q(user, prefix)


def counts_q(user, field: str = "area_id") -> Q:
    """Rows that count in the user's figures (anyone's areas, viewers and partners included): never names."""
    return scope_for(user).subtree_q(field)


def require_sees_people(user, area_code: str | None) -> None:
    """Raise AccessDenied unless the user sees the people of this area in full."""
    if not sees_people(user):
        raise Access.COUNTS_ONLY.denied()
    if not scope_for(user).covers(area_code):
        raise Access.OUTSIDE_AREA.denied()


def require_care_write(user, area_code: str | None) -> None:
    """Raise AccessDenied unless the user may change the people's records of this area."""
    require_write(user, area_code)
    if not sees_people(user):
        raise Access.COUNTS_ONLY.denied()


def require_care_writer(user) -> None:
    """Raise AccessDenied unless the user's role may register people at all (before an area is chosen)."""
    require_writer(user)
    if not sees_people(user):
        raise Access.COUNTS_ONLY.denied()


def require_referral_answer(user, referral) -> None:
    """Only the agency's own users answer a referral (an area's coordinators record it for them, too)."""
    if _agency_id(user) == referral.agency_id:
        return
    try:
        require_care_write(user, referral.case.area_id)
    except AccessDenied:
        raise Access.NOT_THE_AGENCY.denied() from None


def fund_read_q(user, field: str = "area") -> Q:
    """Funds (field holds the fund's province code) of the provinces the user works in."""
    provinces = scope_provinces(user)
    if provinces is None:
        return Q()
    lookup = f"{field[:-3]}__pk" if field.endswith("_id") else field
    return Q(**{f"{lookup}__in": provinces})


def require_fund_read(user, fund) -> None:
    provinces = scope_provinces(user)
    if not (provinces is None or fund.area_id in provinces):
        raise Access.OUTSIDE_AREA.denied()


def require_fund_write(user, fund) -> None:
    """Money in, and the committee's make-up: those who may write the fund's province."""
    require_write(user, fund.area_id)


def require_fund_committee(user, fund) -> None:
    """Deciding a request: a member of the fund's committee (who also writes records)."""
    require_writer(user)
    if not fund.committee.filter(pk=user.pk).exists():
        raise Access.NOT_ON_FUND_COMMITTEE.denied()


def require_not_anonymised(household) -> None:
    """Refuse a change to a household whose personal data was erased (care/services/privacy.py): what is left of
    it are counts, which nothing may fill with a person again."""
    if household.anonymised_at is not None:
        raise CareError.HOUSEHOLD_ERASED.error(None)


# Kinds of case that say something of a person's health or legal status by their name alone.
HEALTH_KINDS = {CaseKind.BEDRIDDEN, CaseKind.DISABILITY, CaseKind.HEALTH}
LEGAL_STATUS_KINDS = {CaseKind.STATELESS}


def case_kind_shown(shown: FieldsShown, kind: str) -> bool:
    """Whether a reader who sees these fields of a person may read the kind of their case."""
    if kind in HEALTH_KINDS:
        return shown.health
    if kind in LEGAL_STATUS_KINDS:
        return shown.legal_status
    return shown.identity


def reached_by_referral(user, area_code: str | None) -> bool:
    """A case the user opened only because it is referred to their agency (case_read_q let them in): they see the
    referred fields of it, and of its referrals only their own agency's."""
    return not (sees_people(user) and scope_for(user).covers(area_code))


def case_referrals_q(user, area_code: str | None) -> Q:
    """The referrals of a case (already read by the user) the user sees: all of them, or only their agency's."""
    if reached_by_referral(user, area_code):
        return Q(agency_id=_agency_id(user)) if _agency_id(user) else Q(pk__in=[])
    return Q()


def referral_inbox_q(user) -> Q:
    """Referrals to the user's agency that the household consented to share (a withdrawn one no longer shows)."""
    agency = _agency_id(user)
    if not agency:
        return Q(pk__in=[])
    return Q(agency_id=agency, status__in=SHARED_REFERRAL_STATUSES, case__household__consent_for_sharing=True)


def require_referral_read(user, referral) -> None:
    """A referral is read by those who read its case in full, and by the agency it is sent to (with consent)."""
    if sees_people(user) and scope_for(user).covers(referral.case.area_id):
        return
    if (
        _agency_id(user) == referral.agency_id
        and referral.status in SHARED_REFERRAL_STATUSES
        and referral.case.household.consent_for_sharing
    ):
        return
    raise Access.OUTSIDE_AREA.denied()


def allowed(requirement, user, *args) -> bool:
    """Whether a requirement (a require_… rule above) lets the user through, for what a page offers."""
    try:
        requirement(user, *args)
    except AccessDenied:
        return False
    return True


# ---- disaster-risk areas and incidents (S6): not personal, read in the user's areas and below


def risk_read_q(user, field: str = "area_id") -> Q:
    """Watch-list entries and incidents (field holds their area code) the user reads: of their areas and below."""
    return scope_for(user).subtree_q(field)


def require_risk_read(user, area_code: str | None) -> None:
    """Raise AccessDenied unless the area's watch list and incidents are the user's to read."""
    if not scope_for(user).covers(area_code):
        raise Access.OUTSIDE_AREA.denied()


def require_risk_write(user, area_code: str | None) -> None:
    """Raise AccessDenied unless the user may change the watch list and incidents of this area."""
    require_write(user, area_code)


# ---- legal status cases (S8): sensitive, read only by those who see a person's legal status


def status_read_q(user, field: str = "area_id") -> Q:
    """Legal status cases (field holds the person's area) the user may read: fields_shown(...).legal_status."""
    return people_q(user, field)


def require_status_read(user, area_code: str | None) -> None:
    """Raise AccessDenied unless the user sees the legal status of people of this area."""
    if not fields_shown(user, area_code).legal_status:
        raise (Access.COUNTS_ONLY if not sees_people(user) else Access.OUTSIDE_AREA).denied()


# The social fund's requests (S5)


def require_fund_request(user, fund, *, case=None, incident=None) -> None:
    """Asking the fund for help: a reader of the fund who may change the case (or the incident's area)."""
    require_fund_read(user, fund)
    if case is not None:
        require_care_write(user, case.area_id)
    else:
        require_write(user, getattr(incident, "area_id", None))


def require_request_decision(user, request) -> None:
    """A committee member decides a request, never the one who asked for it."""
    require_fund_committee(user, request.fund)
    if request.requested_by_id == user.pk:
        raise Access.OWN_REQUEST.denied()


def require_own_request(user, request) -> None:
    """Only the one who asked withdraws a request."""
    require_writer(user)
    if request.requested_by_id != user.pk:
        raise Access.NOT_THE_REQUESTER.denied()


def request_details_shown(request, *, on_committee: bool, user) -> bool:
    """What a request is for may tell of a household's needs: it is read by the fund's committee, who decide it
    (on_committee: the selectors read that), and by the one who asked (those who open its case read it there too).
    A disaster incident's request names no one and is read by all who read the fund."""
    return not request.case_id or on_committee or request.requested_by_id == getattr(user, "pk", None)
