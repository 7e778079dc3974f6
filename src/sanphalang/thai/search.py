"""Search terms from what a user types: Thai words split by PyThaiNLP, since Thai has no spaces."""

from functools import lru_cache

from pythainlp.tokenize import word_tokenize

from .names import compact, expand_abbreviations, strip_person_title, strip_unsafe_characters

# What a search reads of what was typed: longer text is cut, and only the first words are looked for. Each word is
# one more condition in the query, and SQLite refuses a query whose conditions nest past a fixed depth.
SEARCH_MAX_LENGTH = 200
SEARCH_MAX_TERMS = 20


def search_text(query: str) -> str:
    """The part of a typed query that a search uses."""
    return strip_unsafe_characters(query or "")[:SEARCH_MAX_LENGTH]


@lru_cache(maxsize=2048)
def search_terms(query: str, *, expand: bool = True) -> tuple[str, ...]:
    """Split a query into compact terms that must all appear in a record's search key.

    The whole compact query comes first; if the user's words are not found together in that order, each
    tokenised word is tried on its own (AND), so "เชียงราย สภาองค์กรชุมชน" finds "สภาองค์กรชุมชนจังหวัดเชียงราย".
    """
    text = strip_person_title(search_text(query))[1]
    if expand:
        text = expand_abbreviations(text)
    words = [compact(w) for w in word_tokenize(text, engine="newmm", keep_whitespace=False)]
    return tuple(dict.fromkeys(w for w in words if w))[:SEARCH_MAX_TERMS]


def whole_query_key(query: str, *, expand: bool = True) -> str:
    text = strip_person_title(search_text(query))[1]
    return compact(expand_abbreviations(text) if expand else text)
