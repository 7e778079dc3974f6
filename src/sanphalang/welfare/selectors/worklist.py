"""Reads of the coordinator's worklist: the open fields of the funds of the user's areas, filtered and counted."""

from dataclasses import dataclass

from django.db.models import Count, QuerySet

from sanphalang.accounts.models import User
from sanphalang.areas.scoping import scope_for

from ..linkage.records import FIELD_LABELS
from ..models import SETTLE_FIELDS, FundDisagreement, Source
from .settle import shown_value
from .sources import source_label


def worklist(
    *,
    user: User,
    district: str | None = None,
    field: str | None = None,
    source: Source | None = None,
    kind: str | None = None,
) -> QuerySet[FundDisagreement]:
    """The open fields of the funds of the user's areas; district is an area code, source one whose value is shown
    (or missing)."""
    qs = FundDisagreement.objects.filter(scope_for(user).subtree_q("fund__area_id"), settled_at__isnull=True)
    if district:
        qs = qs.filter(fund__area__pk__startswith=district)
    if source is not None:
        qs = qs.filter(sources=source)
    if kind:
        qs = qs.filter(kind=kind)
    if field:
        qs = qs.filter(field=field)
    return qs.select_related("fund__area__parent__parent")


def worklist_field_counts(queryset: QuerySet[FundDisagreement]) -> list[tuple[str, str, int]]:
    """How many open fields of each kind of field the list holds: (field, label, count), every field named."""
    counts = dict(queryset.order_by().values_list("field").annotate(n=Count("id", distinct=True)))
    return [(name, FIELD_LABELS[name], counts.get(name, 0)) for name in SETTLE_FIELDS]


@dataclass
class ShownValue:
    source: str
    row: int | None
    value: str | None


def shown_values(rows: list[FundDisagreement]) -> None:
    """Give each row `field_label` and `shown`: its sources' values as a reader sees them (the source by its label, a status by its
    label, a date in BE), reading the rows' sources in one query."""
    ids = {v["source"] for row in rows for v in row.values}
    sources = {s.pk: s for s in Source.objects.filter(pk__in=ids).select_related("area", "region")}
    for row in rows:
        row.field_label = FIELD_LABELS[row.field]
        row.shown = [
            ShownValue(
                source_label(sources[v["source"]]) if v["source"] in sources else "—",
                v.get("row"),
                shown_value(row.field, v.get("value")),
            )
            for v in row.values
        ]
