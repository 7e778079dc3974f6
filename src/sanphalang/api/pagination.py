"""Limit/offset pages for API lists: one count query and one page query, whatever the list's length."""

from functools import cache

from django.db.models import Count, QuerySet, Window
from ninja import Field, Schema
from pydantic import create_model

from .thai_fields import ThaiInt

MAX_LIMIT = 200
DEFAULT_LIMIT = 50


class PageQuery(Schema):
    limit: ThaiInt = Field(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT)
    offset: ThaiInt = Field(0, ge=0)


@cache
def page_of(item_schema: type[Schema]) -> type[Schema]:
    """The response schema of a page of item_schema: {count, limit, offset, items}."""
    return create_model(
        f"{item_schema.__name__.removesuffix('Out')}Page", __base__=Schema,
        count=(int, ...), limit=(int, ...), offset=(int, ...), items=(list[item_schema], ...),
    )


def paginate(queryset: QuerySet, query: PageQuery) -> dict:
    """A page and the length of the whole list, in one query where the database can count alongside."""
    # COUNT(*) OVER () counts before DISTINCT would fold repeated rows, so a distinct list counts apart.
    counts_alongside = not queryset.query.distinct
    if counts_alongside:
        queryset = queryset.annotate(_whole_list_count=Window(expression=Count("pk")))
    items = list(queryset[query.offset:query.offset + query.limit])
    if counts_alongside and items:
        count = _pop_count(items)
    elif query.offset == 0 and len(items) < query.limit:
        count = len(items)  # the whole list fits in this page: no count query needed
    else:
        count = queryset.count()
    return {"count": count, "limit": query.limit, "offset": query.offset, "items": items}


def _pop_count(items: list) -> int:
    count = 0
    for item in items:
        if isinstance(item, dict):
            count = item.pop("_whole_list_count")
        else:
            count = item.__dict__.pop("_whole_list_count")
    return count
