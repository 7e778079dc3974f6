"""Query filters that find Thai names however they are written: titles, abbreviations, spacing, digits."""

from functools import reduce
from operator import and_

from django.db.models import Q

from .names import compact, strip_area_prefix
from .search import search_terms, search_text


def name_search_q(query: str, *, field: str = "search_key", expand: bool = True) -> Q:
    """Every word of the query must appear in the record's search key."""
    terms = search_terms(query, expand=expand)
    if not terms:
        return Q()
    return reduce(and_, (Q(**{f"{field}__contains": term}) for term in terms))


def area_search_q(query: str, *, field: str = "search_key") -> Q:
    """Area names: "จ.เชียงราย", "อำเภอแม่สาย", "Tambon Pa Sang" all find their area."""
    words = [strip_area_prefix(word) for word in search_text(query).split()]
    whole = compact(" ".join(words))
    if not whole:
        return Q()
    return Q(**{f"{field}__contains": whole})
