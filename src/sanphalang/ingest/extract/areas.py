"""Provinces named in a report, against the areas app's reference data; the main one is the most named, a name
after จังหวัด counting double (a report names its own province as จังหวัด…; others it lists bare)."""

import re
from collections import Counter
from functools import cache

from ..draft import Found
from .gazetteer import AMBIGUOUS_PROVINCES, PROVINCE_ALIASES, provinces
from .text import Text

_PREFIXED = r"(?:จังหวัด|จ\.)\s*"


@cache
def _pattern() -> re.Pattern:
    names = sorted([*provinces(), *PROVINCE_ALIASES], key=len, reverse=True)
    return re.compile(rf"(?P<prefix>{_PREFIXED})?(?P<name>{'|'.join(re.escape(name) for name in names)})")


def province_mentions(text: Text) -> list[tuple[str, bool, tuple[int, int]]]:
    """(province, written after จังหวัด, span) for each mention."""
    found = []
    for match in _pattern().finditer(text.plain):
        name = PROVINCE_ALIASES.get(match["name"], match["name"])
        prefixed = bool(match["prefix"])
        if not prefixed and (
            match["name"] in AMBIGUOUS_PROVINCES or not text.starts_word(match.start("name"))
        ):
            continue
        found.append((name, prefixed, match.span()))
    return found


def extract_provinces(text: Text) -> tuple[Found | None, list[Found]]:
    mentions = province_mentions(text)
    if not mentions:
        return None, []
    score = Counter()
    first = {}
    for name, prefixed, span in mentions:
        score[name] += 2 if prefixed else 1
        first.setdefault(name, span)
    main = max(score, key=lambda name: (score[name], -first[name][0]))
    return Found(main, first[main]), [Found(name, span) for name, span in first.items()]


@cache
def _prefixed_pattern() -> re.Pattern:
    names = sorted(provinces(), key=len, reverse=True)
    return re.compile(_PREFIXED + "(?:" + "|".join(map(re.escape, names)) + ")")


def province_ending_at(plain: str, start: int, end: int) -> int | None:
    """Where a province name written after จังหวัด within plain[start:end] ends, if there is one."""
    match = _prefixed_pattern().search(plain, start, end)
    return match.end() if match else None
