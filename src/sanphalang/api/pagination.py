"""Limit/offset pages for API lists: one count query and one page query, whatever the list's length."""

from functools import cache

from django.db.models import QuerySet
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
    items = list(queryset[query.offset:query.offset + query.limit])
    if query.offset == 0 and len(items) < query.limit:
        count = len(items)  # the whole list fits in this page: no count query needed
    else:
        count = queryset.count()
    return {"count": count, "limit": query.limit, "offset": query.offset, "items": items}
