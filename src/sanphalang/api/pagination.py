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
        f"{item_schema.__name__.removesuffix('Out')}Page",
        __base__=Schema,
        count=(int, ...),
        limit=(int, ...),
        offset=(int, ...),
        items=(list[item_schema], ...),
    )


def paginate(queryset: QuerySet, query: PageQuery, *, rows=None, item=None) -> dict:
    """A page and the length of the whole list.

    With rows ((the page's ids as a query, the whole list) → (the page's items in its order, the list's length
    or None)), the page is chosen by ids alone and rows() reads its items with that as a subquery, as
    web.listing.paginate does, and may count the list in the same query. Otherwise, or when rows() gives no
    length, the length is a separate COUNT: counting in the page query (COUNT(*) OVER ()) makes the database
    build and sort every matching row before it can return the first fifty. With item, each item is given as
    item(record).
    """
    page = queryset[query.offset : query.offset + query.limit]
    count = None
    if rows is not None:
        items, count = rows(page.values_list("pk", flat=True), queryset)
    else:
        items = list(page)
    shown = items if item is None else [item(record) for record in items]
    if len(items) < query.limit and (items or query.offset == 0):
        count = query.offset + len(items)  # this page is the last one: the length is known without counting
    elif count is None:
        count = queryset.order_by().count()
    return {"count": count, "limit": query.limit, "offset": query.offset, "items": shown}
