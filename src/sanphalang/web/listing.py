"""Lists on pages: filter, sort, paginate, and export the same rows to CSV or Excel."""

from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import islice
from typing import Any

from django.conf import settings
from django.core.paginator import Paginator
from django.http import HttpResponse, StreamingHttpResponse
from django.utils import translation
from django.utils.translation import gettext as _

from sanphalang.directory.models import Person
from sanphalang.directory.selectors import person_shown_to
from sanphalang.imports.tabular import (
    CSV_CONTENT_TYPE,
    TABLE_FORMATS,
    XLSX_CONTENT_TYPE,
    stream_table,
    write_table,
)
from sanphalang.thai.preferences import prefers_thai_digits, thai_digits

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


def paginate(queryset, columns: list[Column], request, *, default_sort: str, rows=None) -> ListPage:
    """A page of the sorted list. With rows (the page's ids as a query → the page's objects, in its order), the
    page is chosen by ids alone: rows() reads them as a subquery, so neither the joins of the rows shown nor what
    rows() counts for them are computed for the whole list, the last page costs what the first does, and the
    ids and the rows are one round trip to the database."""
    queryset, sort, descending = sorted_queryset(queryset, columns, request, default_sort)
    if rows is not None:
        queryset = queryset.values_list("pk", flat=True)
    paginator = Paginator(queryset, settings.LIST_PAGE_SIZE)
    page = paginator.get_page(request.GET.get("page"))
    if rows is not None:
        page.object_list = list(rows(page.object_list))
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


EXPORT_BATCH = 2000  # rows read from the database at a time by a streamed export


def export_streamed(queryset, columns: list[Column], *, fmt: str, filename: str, prepare=None, user=None):
    """The whole filtered list as CSV or XLSX, sent while it is read: batches of EXPORT_BATCH rows from the
    database, written out as they come, so memory holds one batch whatever the length. prepare(batch), if given,
    reads what the batch's rows need in one query (their area labels) before they are written."""
    if fmt not in EXPORT_FORMATS:
        return HttpResponse(_("Unknown export format."), status=400, content_type="text/plain; charset=utf-8")
    headings = [str(c.label) for c in columns]
    # The rows are written after the view has returned: in the reader's language and digits, read now.
    language, digits = translation.get_language(), prefers_thai_digits()

    def rows():
        with translation.override(language), thai_digits(digits):
            objects = queryset.iterator(chunk_size=EXPORT_BATCH)
            while batch := list(islice(objects, EXPORT_BATCH)):
                if prepare is not None:
                    prepare(batch)
                for obj in batch:
                    yield [_cell(c.value(obj), c, user) for c in columns]

    response = StreamingHttpResponse(
        stream_table(headings, rows(), fmt=fmt, sheet_title=filename),
        content_type=XLSX_CONTENT_TYPE if fmt == "xlsx" else CSV_CONTENT_TYPE,
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}.{fmt}"'
    return response
