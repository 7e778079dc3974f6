"""Reads of the fund registry; each takes the user and returns only the funds of their areas."""

import datetime as dt
from dataclasses import dataclass
from dataclasses import fields as dc_fields
from functools import lru_cache

from django.core.exceptions import EmptyResultSet
from django.db import connections
from django.db.models import Count, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.db.models.expressions import RawSQL
from django.db.models.functions import Coalesce
from django.http import Http404
from django.utils.dateparse import parse_date

from sanphalang.accounts.models import User
from sanphalang.areas.models import Area, AreaLevel, path_en_of, path_th_of
from sanphalang.areas.scoping import require_write, scope_for
from sanphalang.areas.selectors import area_search
from sanphalang.thai.matching import name_search_q
from sanphalang.thai.preferences import in_page_language
from sanphalang.web.areas import AREA_OPTION_LIMIT

from ..models import AuditVisit, Fund, FundStatus, LinkDecision, Settlement, Source, SourceRecord
from .sources import source_visible_q


def fund_list(
    *,
    user: User,
    search: str = "",
    district: str | None = None,
    status: str | None = None,
    missing_from: int | None = None,
) -> QuerySet[Fund]:
    """The funds of the user's areas; missing_from (a source's id) keeps those that source does not list (S9).

    Only filters: a list pages it by ids (web/listing.paginate) and reads the page's rows with fund_rows,
    so that no page costs a join or a count over every fund's records."""
    qs = Fund.objects.filter(scope_for(user).subtree_q("area_id"))
    if missing_from:
        qs = qs.exclude(source_records__source_id=missing_from)
    if search:
        qs = qs.filter(name_search_q(search))
    if district:
        qs = qs.filter(area__pk__startswith=district)
    if status:
        qs = qs.filter(status=status)
    return qs.select_related("area__parent__parent")


@dataclass(frozen=True, slots=True)
class AreaRow:
    """An area as a list row names it: what the fund list and the API print of a fund's area and the one above."""

    code: str
    level: str
    name_th: str
    name_en: str
    path_th: str = ""
    path_en: str = ""
    parent: "AreaRow | None" = None

    @property
    def display_name(self) -> str:
        return in_page_language(self.name_th, self.name_en)


@dataclass(frozen=True, slots=True)
class FundRow:
    """A fund as its list shows it, with how many source records it has and how many wait for review. A page
    of rows is read as plain values: building a fund, its area and that area's parent as model instances
    for each of fifty rows cost more than the query itself."""

    pk: int
    name_th: str
    area: AreaRow
    status: str
    members: int | None
    fund_code: str
    founded_on: dt.date | None
    is_municipal: bool
    registered_welfare_organisation: bool
    record_count: int
    review_count: int

    @property
    def id(self) -> int:
        return self.pk

    @property
    def area_id(self) -> str:
        return self.area.code

    area_code = area_id  # as the API names it

    @property
    def area_path_th(self) -> str:
        return path_th_of(self.area)

    @property
    def area_path_en(self) -> str:
        return path_en_of(self.area)

    def get_status_display(self) -> str:
        return str(FundStatus(self.status).label)


_FUND_ROW_FIELDS = tuple(f.name for f in dc_fields(FundRow) if f.name not in ("pk", "area"))
_AREA_ROW_FIELDS = ("code", "level", "name_th", "name_en")
_FUND_AREA_FIELDS = (*_AREA_ROW_FIELDS, "path_th", "path_en")  # a fund's own area is named with its path


def fund_rows(*, user: User, ids) -> list[FundRow]:
    """The funds of a page (those of ids in the user's areas), in the order of ids: one query, on those ids.

    ids is a list, or a page of ids still as a query (sliced and ordered): then it is read as a subquery of the
    rows' query, in its order, so that the page costs one round trip to the database, not two."""
    return fund_page(user=user, ids=ids)[0]


def fund_page(*, user: User, ids, listed: QuerySet | None = None) -> tuple[list[FundRow], int | None]:
    """fund_rows, and with listed (the whole list the page is of) that list's length too, counted in the same
    query: a page and its list's length in one round trip. The length is None when the page has no rows.

    The rows' part of the query is compiled once for each order (compiling its columns and record counts cost
    a third of running it); what changes from call to call, the page's ids in the user's areas and the list,
    is compiled anew and given to it as WITH clauses, which both databases read as if written in place."""
    ordered = isinstance(ids, QuerySet)
    page = Fund.objects.filter(scope_for(user).subtree_q("area_id"), pk__in=ids if ordered else list(ids))
    clauses = {"fund_page": page.order_by().values("pk")}
    if listed is not None:
        clauses["fund_list"] = listed.order_by().values("pk")
    try:
        compiled = {name: query.query.sql_with_params() for name, query in clauses.items()}
    except EmptyResultSet:  # no ids, or a user of no area: the page can hold nothing
        return [], None
    rows_sql, rows_params = _fund_rows_sql(
        page.db, tuple(ids.query.order_by) if ordered else (), with_length=listed is not None
    )
    sql = "WITH " + ", ".join(f"{name}(pk) AS ({part})" for name, (part, _params) in compiled.items())
    params = [param for _sql, part_params in compiled.values() for param in part_params]
    with connections[page.db].cursor() as cursor:
        cursor.execute(f"{sql} {rows_sql}", (*params, *rows_params))
        names = [column[0] for column in cursor.description]
        read = [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
    length = read[0]["list_length"] if listed is not None and read else None
    if ordered:
        return [_fund_row(value) for value in read], length
    by_pk = {value["pk"]: _fund_row(value) for value in read}
    return [by_pk[pk] for pk in ids if pk in by_pk], length


@lru_cache(maxsize=64)
def _fund_rows_sql(db: str, order: tuple[str, ...], *, with_length: bool) -> tuple[str, tuple]:
    """The rows' query of the funds of the WITH clause fund_page (and the length of fund_list), in order."""
    records = SourceRecord.objects.filter(fund=OuterRef("pk")).order_by().values("fund")
    rows = (
        Fund.objects.using(db)
        .annotate(
            record_count=Coalesce(Subquery(records.annotate(n=Count("pk")).values("n")), 0),
            review_count=Coalesce(
                Subquery(records.filter(needs_review=True).annotate(n=Count("pk")).values("n")), 0
            ),
        )
        .filter(pk__in=RawSQL("SELECT pk FROM fund_page", ()))
    )
    if with_length:
        rows = rows.annotate(list_length=RawSQL("SELECT count(*) FROM fund_list", ()))
    sql, params = (
        rows.values(
            "pk",
            *_FUND_ROW_FIELDS,
            *(f"area__{name}" for name in _FUND_AREA_FIELDS),
            *(f"area__parent__{name}" for name in _AREA_ROW_FIELDS),
            *(("list_length",) if with_length else ()),
        )
        .order_by(*order)
        .query.sql_with_params()
    )
    return sql, tuple(params)


def _fund_row(value: dict) -> FundRow:
    parent = (
        AreaRow(**{name: value[f"area__parent__{name}"] for name in _AREA_ROW_FIELDS})
        if value["area__parent__code"]
        else None
    )
    area = AreaRow(
        **{name: value[f"area__{name}"] for name in _FUND_AREA_FIELDS},
        parent=parent,
    )
    row = {name: value[name] for name in _FUND_ROW_FIELDS}
    # Read on the cursor, SQLite gives a date as its text and a boolean as 0 or 1.
    if isinstance(row["founded_on"], str):
        row["founded_on"] = parse_date(row["founded_on"])
    for name in ("is_municipal", "registered_welfare_organisation"):
        row[name] = bool(row[name])
    return FundRow(pk=value["pk"], area=area, **row)


def fund_get(*, user: User, pk: int) -> Fund:
    try:
        return (
            Fund.objects.filter(scope_for(user).subtree_q("area_id"))
            .select_related("area__parent__parent", "organisation")
            .prefetch_related(
                "years",
                "networks",
                Prefetch(
                    "source_records",
                    queryset=SourceRecord.objects.select_related("source").order_by("source__name", "row"),
                ),
                Prefetch(
                    "settlements",
                    queryset=Settlement.objects.select_related("decided_by", "from_record__source"),
                ),
                Prefetch("link_decisions", queryset=LinkDecision.objects.select_related("decided_by")),
            )
            .get(pk=pk)
        )
    except (Fund.DoesNotExist, ValueError):
        raise Http404 from None


def fund_get_for_change(*, user: User, pk: int) -> Fund:
    """The fund as fund_get reads it, if the user may change it; AccessDenied if they may only read it."""
    fund = fund_get(user=user, pk=pk)
    require_write(user, fund.area_id)
    return fund


def fund_area_options(*, user: User, query: str) -> QuerySet[Area]:
    """Subdistricts of the user's areas matching what they type, for a fund's area."""
    return (
        area_search(query=query, level=AreaLevel.SUBDISTRICT)
        .filter(scope_for(user).subtree_q("code"))
        .select_related("parent__parent")[:AREA_OPTION_LIMIT]
    )


def district_search(*, user: User, query: str) -> QuerySet[Area]:
    """Districts of the user's areas matching what they type, for the fund list's district picker."""
    return area_search(query=query, level=AreaLevel.DISTRICT).filter(scope_for(user).with_ancestors_q("code"))


def district_choices(*, user: User) -> QuerySet[Area]:
    """The districts a fund-list filter may name: those in or above the user's areas (a picker suggests them)."""
    return Area.objects.filter(
        scope_for(user).with_ancestors_q("code"), level=AreaLevel.DISTRICT
    ).select_related("parent")


def source_search(*, user: User, query: str = "") -> QuerySet[Source]:
    """The sources the user sees, each once, whose name or covered area holds what they typed: for the fund
    list's "missing from" picker."""
    qs = Source.objects.filter(source_visible_q(user)).select_related("area", "region")
    if query:
        qs = qs.filter(
            Q(name__icontains=query) | Q(area__name_th__icontains=query) | Q(region__name_th__icontains=query)
        )
    return qs.order_by("name", "area_id", "region_id")


def proposed_entry(*, user: User, fund: Fund):
    """The directory entry the fund's page proposes to link when none is: an entry of a welfare fund, linked to no
    fund, in the fund's subdistrict, whose name is the fund's (as names are compared: prefix and spacing aside)."""
    from sanphalang.directory.selectors import organisation_list

    from ..forms.registry import UNLINKED_FUND_ENTRIES
    from ..linkage.records import fund_identity

    if fund.organisation_id:
        return None
    wanted = fund_identity(fund.name_th)
    candidates = organisation_list(user=user).filter(UNLINKED_FUND_ENTRIES, area_id=fund.area_id)
    return next(
        (
            entry
            for entry in candidates.order_by("sort_key", "pk")[:50]
            if fund_identity(entry.name_th) == wanted
        ),
        None,
    )


def tambon_activity(*, user: User, fund: Fund) -> dict:
    """What else goes on in the fund's subdistrict (S13), drawn from the other apps: the fund's directory entry (or
    the one proposed), the organisations there and in its villages with their issues, the entry's partners, the
    councils and bodies, the latest meetings of the subdistrict (of its bodies, and those the fund's entry belongs
    to, was invited to or attended), and the fund's audit visits."""
    from sanphalang.directory.selectors import organisation_list
    from sanphalang.meetings.selectors.bodies import body_list
    from sanphalang.meetings.selectors.meetings import meeting_list

    organisations = organisation_list(user=user, within=fund.area_id).exclude(pk=fund.organisation_id or 0)
    partners = (
        organisation_list(user=user).filter(partners=fund.organisation_id) if fund.organisation_id else None
    )
    bodies = body_list(user=user).filter(area__pk__startswith=fund.area_id)
    held_here = Q(body__area__pk__startswith=fund.area_id)
    if fund.organisation_id:
        entry = fund.organisation_id
        held_here |= (
            Q(body__organisation=entry)
            | Q(attendances__organisation=entry)
            | Q(invitations__organisation=entry)
        )
    meeting_ids = (
        meeting_list(user=user).filter(held_here).order_by("-held_on", "-number").values_list("pk", flat=True)
    )
    latest = list(dict.fromkeys(meeting_ids[:20]))[:5]
    meetings = meeting_list(user=user).filter(pk__in=latest).select_related("body").in_bulk()
    return {
        "proposed_entry": proposed_entry(user=user, fund=fund),
        "organisations": list(
            organisations.prefetch_related("issue_areas").order_by("kind", "sort_key")[:50]
        ),
        "partners": list(partners.order_by("sort_key")[:50]) if partners is not None else [],
        "bodies": list(bodies[:50]),
        "meetings": [meetings[pk] for pk in latest if pk in meetings],
        "audit_visits": list(
            AuditVisit.objects.filter(scope_for(user).subtree_q("fund__area_id"), fund=fund)
            .select_related("round")
            .annotate(open_findings=Count("findings", filter=Q(findings__closed_on__isnull=True)))
            .order_by("-round__starts_on")
        ),
    }
