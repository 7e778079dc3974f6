"""The care access rules, tried on generated cases: users of every role with random areas, households with and
without consent to share, in random areas, referred to the partner's agency or another. Whatever is generated,
no one reads a person outside their areas (but a partner, a consenting household's case referred to its own
agency), viewers and partners never read people, and a member is shown with no more than the role may see."""

import itertools
from dataclasses import dataclass

import pytest
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sanphalang.accounts.models import Role
from sanphalang.accounts.services import user_create
from sanphalang.care.access import SHARED_REFERRAL_STATUSES, case_read_q, people_q, referred_cases_q
from sanphalang.care.models import Case, Household, Member, Referral, ReferralStatus
from sanphalang.care.protection import masked_national_id
from sanphalang.care.selectors.shown import HIDDEN_NAME, member_shown

from .records import agency, case, household, member, national_id

# Subdistricts of two districts of Chiang Rai and one of Phayao (the official areas every database holds).
HOMES = ["570101", "570102", "570901", "570902", "560101"]
# What a user may be assigned: provinces, districts, subdistricts of those.
ASSIGNABLE = ["57", "56", "5701", "5709", "5601", "570101", "570901", "560101"]
ROLES = [Role.ADMINISTRATOR, Role.PROVINCIAL_COORDINATOR, Role.AREA_COORDINATOR, Role.VIEWER, Role.PARTNER]


@dataclass(frozen=True)
class UserSpec:
    role: str
    areas: tuple[str, ...]
    agency: int  # which of the two agencies a partner answers for


@dataclass(frozen=True)
class HouseholdSpec:
    area: str
    consent: bool
    has_id: bool
    referred_to: int | None  # agency 0 or 1, or no referral
    referral_status: str


users = st.builds(
    UserSpec,
    role=st.sampled_from(ROLES),
    areas=st.lists(st.sampled_from(ASSIGNABLE), max_size=3, unique=True).map(tuple),
    agency=st.integers(0, 1),
)
households = st.builds(
    HouseholdSpec,
    area=st.sampled_from(HOMES),
    consent=st.booleans(),
    has_id=st.booleans(),
    referred_to=st.one_of(st.none(), st.integers(0, 1)),
    referral_status=st.sampled_from(ReferralStatus.values),
)


def _in_areas(spec: UserSpec, area: str) -> bool:
    return spec.role == Role.ADMINISTRATOR or any(area.startswith(prefix) for prefix in spec.areas)


def _sees_people(spec: UserSpec, area: str) -> bool:
    care_role = spec.role in (Role.ADMINISTRATOR, Role.PROVINCIAL_COORDINATOR, Role.AREA_COORDINATOR)
    return care_role and _in_areas(spec, area)


def _shared_with(spec: UserSpec, household: HouseholdSpec) -> bool:
    return (
        spec.role == Role.PARTNER
        and household.consent
        and household.referred_to == spec.agency
        and household.referral_status in SHARED_REFERRAL_STATUSES
    )


def _build(user_specs, household_specs, serial):
    agencies = [agency("5701", f"หน่วยงานทดสอบ {n}") for n in range(2)]
    built_users = []
    for n, spec in enumerate(user_specs):
        user = user_create(
            username=f"u{serial}-{n}",
            password="x-password-long-enough-1",
            role=spec.role,
            area_codes=[] if spec.role == Role.ADMINISTRATOR else list(spec.areas),
        )
        if spec.role == Role.PARTNER:
            user.organisation = agencies[spec.agency]
            user.save(update_fields=["organisation"])
        built_users.append((spec, user))
    built_households = []
    for n, spec in enumerate(household_specs):
        home = household(spec.area, consent_for_sharing=spec.consent)
        digits = national_id(f"1{n:02d}{serial % 1000:03d}000001"[:12]) if spec.has_id else ""
        person = member(home, digits=digits, first_name=f"คนที่{n}")
        the_case = case(home, who=person)
        if spec.referred_to is not None:
            Referral.objects.create(
                case=the_case,
                agency=agencies[spec.referred_to],
                reason="ส่งต่อ",
                sent_on=the_case.opened_on,
                status=spec.referral_status,
            )
        built_households.append((spec, home, person, the_case, digits))
    return built_users, built_households


serials = itertools.count()


@pytest.mark.django_db
@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    user_specs=st.lists(users, min_size=1, max_size=4),
    household_specs=st.lists(households, min_size=1, max_size=5),
)
def test_no_one_reads_a_person_beyond_what_their_role_and_areas_allow(user_specs, household_specs):
    with transaction.atomic():
        built_users, built_households = _build(user_specs, household_specs, next(serials))
        for spec, user in built_users:
            seen_households = set(Household.objects.filter(people_q(user)).values_list("pk", flat=True))
            seen_members = set(Member.objects.filter(people_q(user)).values_list("pk", flat=True))
            seen_cases = set(Case.objects.filter(people_q(user)).values_list("pk", flat=True))
            readable_cases = set(Case.objects.filter(case_read_q(user)).values_list("pk", flat=True))
            referred = set(Case.objects.filter(referred_cases_q(user)).values_list("pk", flat=True))
            for home_spec, home, person, the_case, digits in built_households:
                full = _sees_people(spec, home_spec.area)
                # people: exactly those of the care roles' areas; never a viewer's or a partner's
                assert (home.pk in seen_households) == full
                assert (person.pk in seen_members) == full
                assert (the_case.pk in seen_cases) == full
                # cases: those, and a consenting household's case referred to the partner's own agency
                assert (the_case.pk in readable_cases) == (full or _shared_with(spec, home_spec))
                assert (the_case.pk in referred) == _shared_with(spec, home_spec)
                # a member is shown with no more than the role may see
                shown = member_shown(user=user, member=person, referred=the_case.pk in referred)
                if full:
                    assert shown.name != HIDDEN_NAME and shown.chronic_illness is not None
                    if spec.role == Role.AREA_COORDINATOR:
                        assert shown.national_id == (masked_national_id(digits[-4:]) if digits else "")
                    elif digits:
                        assert shown.national_id.replace("-", "") == digits
                elif the_case.pk in referred:
                    assert shown.name == person.name_with_title
                    assert shown.national_id is None
                    assert shown.chronic_illness is None and shown.disability is None
                    assert shown.bedridden is None and shown.legal_status is None
                    assert shown.no_national_id_reason is None
                else:
                    assert shown.name == HIDDEN_NAME and shown.phone is None
                    assert shown.national_id is None and shown.chronic_illness is None
                    assert shown.legal_status is None and shown.disability is None
                if digits and not (full and spec.role != Role.AREA_COORDINATOR):
                    assert digits[:9] not in repr(shown)
        transaction.set_rollback(True)
