"""Search terms from what a user types: Thai words split by PyThaiNLP, since Thai has no spaces."""

from functools import lru_cache

from pythainlp.tokenize import word_tokenize

from .names import compact, expand_abbreviations, strip_person_title


@lru_cache(maxsize=2048)
def search_terms(query: str, *, expand: bool = True) -> tuple[str, ...]:
    """Split a query into compact terms that must all appear in a record's search key.

    The whole compact query comes first; if the user's words are not found together in that order, each
    tokenised word is tried on its own (AND), so "เชียงราย สภาองค์กรชุมชน" finds "สภาองค์กรชุมชนจังหวัดเชียงราย".
    """
    text = strip_person_title(query or "")[1]
    if expand:
        text = expand_abbreviations(text)
    words = [compact(w) for w in word_tokenize(text, engine="newmm", keep_whitespace=False)]
    return tuple(w for w in words if w)


def whole_query_key(query: str, *, expand: bool = True) -> str:
    text = strip_person_title(query or "")[1]
    return compact(expand_abbreviations(text) if expand else text)
