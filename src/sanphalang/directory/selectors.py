"""Reads of the directory. Every one takes the user and returns only what their areas allow."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.db.models import Prefetch, Q, QuerySet
from django.http import Http404
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from sanphalang.accounts.audit import log_access
from sanphalang.areas.scoping import can_write_area, require_administrator, require_write, scope_for
from sanphalang.areas.selectors import province_list
from sanphalang.errors import Access
from sanphalang.thai.matching import name_search_q

from .models import IssueArea, Organisation, Person, Position, PositionRole

if TYPE_CHECKING:
    from sanphalang.accounts.models import User


def organisation_list(
    *,
    user: User,
    search: str = "",
    kind: str | None = None,
    issue: int | str | None = None,
    within: str | None = None,
    parent: int | None = None,
    nearest_first: bool = False,
) -> QuerySet[Organisation]:
    """Organisations in the user's areas, and the agencies of the areas above them (a district coordinator
    works with the provincial office of social development). nearest_first: those of the user's own areas first,
    then those above, nearest first, each group by name (a picker's suggestions)."""
    scope = scope_for(user)
    qs = Organisation.objects.filter(scope.with_ancestors_q("area_id"))
    if nearest_first:
        qs = qs.order_by(scope.nearness("area_id"), "sort_key", "id")
    if search:
        qs = qs.filter(name_search_q(search))
    if kind:
        qs = qs.filter(kind=kind)
    if issue:
        # The join to issue areas is the only one that can repeat a row.
        qs = (
            qs.filter(issue_areas__slug=issue)
            if not str(issue).isdigit()
            else qs.filter(issue_areas__id=issue)
        )
        qs = qs.distinct()
    if within:
        qs = qs.filter(area__pk__startswith=within)
    if parent:
        qs = qs.filter(parent_id=parent)
    return qs.select_related("area__parent__parent", "parent").prefetch_related("issue_areas")


def organisation_get(*, user: User, pk: int) -> Organisation:
    try:
        return (
            organisation_list(user=user)
            .prefetch_related(
                Prefetch(
                    "positions", queryset=Position.objects.select_related("person").order_by("-started_on")
                ),
                "partners",
                "children",
            )
            .get(pk=pk)
        )
    except (Organisation.DoesNotExist, ValueError):
        raise Http404 from None


def person_list(
    *,
    user: User,
    search: str = "",
    organisation: int | None = None,
    within: str | None = None,
    issue: str | None = None,
    current_only: bool = False,
) -> QuerySet[Person]:
    """People registered in the user's areas (strictly: personal data does not flow up to the province's view of
    a district unless the user is assigned the province)."""
    qs = Person.objects.filter(scope_for(user).subtree_q("area_id"))
    if search:
        qs = qs.filter(name_search_q(search, expand=False))
    if organisation:
        position_q = Q(positions__organisation_id=organisation)
        if current_only:
            today = timezone.localdate()
            position_q &= Q(positions__ended_on__isnull=True) | Q(positions__ended_on__gte=today)
        qs = qs.filter(position_q)
    if within:
        qs = qs.filter(area__pk__startswith=within)
    if issue:
        qs = qs.filter(issue_areas__slug=issue)
    if organisation or issue:
        qs = qs.distinct()  # those joins can repeat a person
    current = Position.objects.select_related("organisation").filter(ended_on__isnull=True)
    return qs.select_related("area__parent__parent").prefetch_related(
        Prefetch("positions", queryset=current, to_attr="current_positions")
    )


def person_get(*, user: User, pk: int, channel: str = "web") -> Person:
    """One person's record; the read is written to the access log."""
    try:
        person = (
            Person.objects.filter(scope_for(user).subtree_q("area_id"))
            .select_related("area__parent__parent")
            .prefetch_related(
                Prefetch("positions", queryset=Position.objects.select_related("organisation__area")),
                "issue_areas",
            )
            .get(pk=pk)
        )
    except (Person.DoesNotExist, ValueError):
        raise Http404 from None
    log_access(user, "read", person, channel=channel)
    return person


def issue_area_list(
    *, user: User, province: str | None = None, include_inactive: bool = False
) -> QuerySet[IssueArea]:
    """The national issue areas and the ones of the provinces the user can see (or of one province)."""
    scope = scope_for(user)
    qs = IssueArea.objects.all()
    if province:
        qs = qs.filter(Q(province__isnull=True) | Q(province_id=province))
    if not scope.national:
        provinces = {prefix[:2] for prefix in scope.prefixes}
        qs = qs.filter(Q(province__isnull=True) | Q(province_id__in=provinces))
    if not include_inactive:
        qs = qs.filter(is_active=True)
    return qs.select_related("province").order_by("province_id", "sort_key", "id")


def issue_area_get(*, user: User, pk: int) -> IssueArea:
    try:
        return issue_area_list(user=user, include_inactive=True).get(pk=pk)
    except (IssueArea.DoesNotExist, ValueError):
        raise Http404 from None


def can_edit_issue_area(user: User, issue: IssueArea) -> bool:
    """The national list is the administrators'; a province's issue areas are its coordinators'."""
    if issue.province_id is None:
        return user.is_administrator
    return can_write_area(user, issue.province_id)


def issue_area_province_choices(user: User) -> list[tuple[str, str]]:
    """The lists the user may add to: the national one for administrators, and the provinces they write in."""
    choices = [("", _("National list"))] if user.is_administrator else []
    choices += [(area.code, area.display_name) for area in province_list() if can_write_area(user, area.code)]
    return choices


def require_issue_area_adder(user: User) -> None:
    """Raise AccessDenied unless the user may add to the national list or to a province's issue areas."""
    if not issue_area_province_choices(user):
        require_write(user, None)
        raise Access.ISSUE_AREA_OUTSIDE_PROVINCE.denied()


def issue_area_get_for_change(*, user: User, pk: int) -> IssueArea:
    issue = issue_area_get(user=user, pk=pk)
    if not can_edit_issue_area(user, issue):
        raise Access.ISSUE_AREA_NOT_YOURS.denied()
    return issue


def organisation_get_for_change(*, user: User, pk: int) -> Organisation:
    """The organisation, if the user may see it (else 404) and change it (else AccessDenied)."""
    organisation = organisation_get(user=user, pk=pk)
    require_write(user, organisation.area_id)
    return organisation


def _person_unlogged(*, user: User, pk: int) -> Person:
    """The person in the user's areas, for a change rather than a read, so not written to the access log."""
    person = person_list(user=user).filter(pk=pk).first() if str(pk).isdigit() else None
    if person is None:
        raise Http404
    return person


def person_get_for_change(*, user: User, pk: int) -> Person:
    """The person, if the user may see them (else 404) and change them (else AccessDenied); not a logged read."""
    person = _person_unlogged(user=user, pk=pk)
    require_write(user, person.area_id)
    return person


def person_get_for_erasure(*, user: User, pk: int) -> Person:
    """The person, for an administrator who erases their data on request."""
    require_administrator(user, Access.ADMINISTRATOR_ONLY_ERASE)
    return _person_unlogged(user=user, pk=pk)


def position_get_for_change(*, user: User, person_pk: int, pk: int) -> Position:
    person = person_get_for_change(user=user, pk=person_pk)
    position = person.positions.select_related("organisation").filter(pk=pk).first()
    if position is None:
        raise Http404
    return position


# ---- how a person is shown on another record (docs/architecture.md, "How a person is shown")

# The role of a person who signed an agreement (an MOU) for a party: signing is a public act.
SIGNATORY_ROLE = "signatory"
# The roles a record gives a person in public: the name goes with the role to everyone who can see the record.
# Codes of Position.role and Membership.role; a meeting's chair (who signs its minutes) is shown as CHAIR; an
# agreement's signatory as SIGNATORY_ROLE.
PUBLIC_ROLES = frozenset(
    {
        SIGNATORY_ROLE,
        PositionRole.CHAIR,
        PositionRole.VICE_CHAIR,
        PositionRole.SECRETARY,
        PositionRole.TREASURER,
        PositionRole.COMMITTEE_MEMBER,
        PositionRole.HEAD,
        PositionRole.DEPUTY_HEAD,
    }
)
OUTSIDE_AREA_NAME = _("A member outside your area")


@dataclass(frozen=True)
class PersonShown:
    """A person as one reader sees them on a record: the name with the person's page (the reader may open it),
    the name alone (a public role), or no name at all. Never anything else of the person."""

    name: str
    url: str = ""
    person_id: int | None = None
    hidden: bool = False

    def __str__(self) -> str:
        return self.name

    @property
    def html(self) -> str:
        """The name as a page shows it (for "{% person_shown … as name %}{{ name.html }}")."""
        return mark_safe(self.__html__())  # noqa: S308 - built by format_html below

    def __html__(self) -> str:
        if self.url:
            return format_html('<a href="{}">{}</a>', self.url, self.name)
        if self.hidden:
            return format_html('<span class="text-muted">{}</span>', self.name)
        return format_html("{}", self.name)


def person_shown_to(*, user: User, person: Person | None, role: str = "") -> PersonShown | None:
    """How a record the user can see names this person (None for none): the one rule for pages, the API,
    exports and documents. It reads only the person's area code and the user's scope, so it makes no query."""
    if person is None:
        return None
    if scope_for(user).covers(person.area_id):  # as person_list: the user may open the person's record
        return PersonShown(
            name=person.name_with_title,
            url=reverse("directory:person_detail", args=[person.pk]),
            person_id=person.pk,
        )
    if role in PUBLIC_ROLES:
        return PersonShown(name=person.name_with_title)
    return PersonShown(name=str(OUTSIDE_AREA_NAME), hidden=True)


def people_shown_to(*, user: User, people: Iterable[Person], role: str = "") -> list[PersonShown]:
    """person_shown_to for many people at once (a visit's team): people already read, so no query per person."""
    return [person_shown_to(user=user, person=person, role=role) for person in people]
