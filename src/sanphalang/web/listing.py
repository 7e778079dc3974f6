"""Lists on pages: filter, sort, paginate, and export the same rows to CSV or Excel."""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.utils.translation import gettext as _

from sanphalang.directory.models import Person
from sanphalang.directory.selectors import person_shown_to
from sanphalang.imports.tabular import CSV_CONTENT_TYPE, TABLE_FORMATS, XLSX_CONTENT_TYPE, write_table

EXPORT_FORMATS = TABLE_FORMATS


def export_format(request) -> str | None:
    """The export the list page was asked for (?export=csv or xlsx), or None for the page itself."""
    fmt = request.GET.get("export")
    return fmt if fmt in EXPORT_FORMATS else None


@dataclass
class Column:
    """A column of a list: its heading, how to get its value from a row, and the ordering it sorts by. A value
    that is a person is written as the reader may see them, holding person_role on the row (person_shown_to)."""

    key: str
    label: str
    value: Callable[[Any], Any]
    order_by: str | None = None
    person_role: str = ""


@dataclass
class ListPage:
    page: Any
    columns: list[Column]
    sort: str
    descending: bool
    querystring: str
    total: int
    extra: dict = field(default_factory=dict)


def sorted_queryset(queryset, columns: list[Column], request, default: str):
    sort = request.GET.get("sort", default)
    descending = sort.startswith("-")
    key = sort.lstrip("-")
    column = next((c for c in columns if c.key == key and c.order_by), None)
    if column is None:
        key, descending = default.lstrip("-"), default.startswith("-")
        column = next(c for c in columns if c.key == key)
    ordering = column.order_by
    ordering = (
        ordering[1:]
        if descending and ordering.startswith("-")
        else ("-" + ordering if descending else ordering)
    )
    return queryset.order_by(ordering, "pk" if not descending else "-pk"), key, descending


def paginate(queryset, columns: list[Column], request, *, default_sort: str) -> ListPage:
    queryset, sort, descending = sorted_queryset(queryset, columns, request, default_sort)
    paginator = Paginator(queryset, settings.LIST_PAGE_SIZE)
    page = paginator.get_page(request.GET.get("page"))
    params = request.GET.copy()
    params.pop("page", None)
    params.pop("sort", None)
    return ListPage(
        page=page,
        columns=columns,
        sort=sort,
        descending=descending,
        querystring=params.urlencode(),
        total=paginator.count,
    )


def _cell(value, column: Column, user) -> Any:
    if isinstance(value, Person):
        if user is None:
            raise TypeError("An export names a person only for a reader: pass export_rows the user.")
        value = person_shown_to(user=user, person=value, role=column.person_role)
    if value is None:
        return ""
    if isinstance(value, (int, float)):
        return value
    return str(value)


def export_rows(queryset, columns: list[Column], *, fmt: str, filename: str, user=None) -> HttpResponse:
    """The whole filtered list (not just one page) as CSV or XLSX; a queryset, or rows already computed. A list
    that names people needs the user it is for."""
    if fmt not in EXPORT_FORMATS:
        return HttpResponse(_("Unknown export format."), status=400, content_type="text/plain; charset=utf-8")
    headings = [str(c.label) for c in columns]
    # iterator() with a chunk size keeps prefetching and never holds a million rows in memory.
    objects = queryset.iterator(chunk_size=2000) if hasattr(queryset, "iterator") else queryset
    rows = ([_cell(c.value(obj), c, user) for c in columns] for obj in objects)
    content_type = XLSX_CONTENT_TYPE if fmt == "xlsx" else CSV_CONTENT_TYPE
    response = HttpResponse(
        write_table(headings, rows, fmt=fmt, sheet_title=filename), content_type=content_type
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}.{fmt}"'
    return response
