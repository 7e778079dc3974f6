"""Organisations: abbreviations ("พอช.", "พมจ.เชียงราย", "อบจ.พะเยา") expanded to their full names, and names that
begin with a known prefix (สำนักงาน, กรม, สภา, เครือข่าย…) read to where the name ends. A name close to a known one
(the directory's, or the shipped list's) is given as the known one, so a report's spelling slip matches."""

import difflib
import re
from functools import cache

from ..draft import Found
from .areas import province_ending_at
from .gazetteer import ORGANISATION_PREFIXES, KnownOrganisation, provinces
from .people import POSITION_WORDS
from .text import Text

# Words that end an organisation's name: what it did, or the next clause.
_STOP_WORDS = (
    "เป็น",
    "ได้",
    "จัด",
    "ร่วม",
    "โดย",
    "เพื่อ",
    "ซึ่ง",
    "กับ",
    "มอบ",
    "จึง",
    "ให้",
    "เข้า",
    "ส่ง",
    "ทำหนังสือ",
    "ทำเรื่อง",
    "จะ",
    "ที่จะ",
    "ที่มี",
    "ที่ขับ",
    "ที่ได้",
    "หรือ",
    "ตาม",
    "ใน",
    "กล่าว",
    "เปิด",
    "ประกอบ",
    "ดำเนิน",
    "ต้อง",
    "อยู่",
    "มี",
    "ระดับ",
    "จาก",
)
_NAME_CHARS = re.compile(r"[\u0E00-\u0E4E0-9]+")
_PUBLIC_BODY_SUFFIX = re.compile(r"\(?องค์การมหาชน\)?$")
SIMILAR = 0.9
# A known name is given for a written one only when they differ by a spelling slip, not by a word such as จังหวัด
MAX_SLIP = 3
MIN_LENGTH = 6


@cache
def _abbreviation_pattern(abbreviations: tuple[str, ...]) -> re.Pattern:
    alternatives = "|".join(re.escape(a) for a in sorted(abbreviations, key=len, reverse=True))
    names = "|".join(re.escape(p) for p in sorted(provinces(), key=len, reverse=True))
    return re.compile(rf"(?<![\u0E00-\u0E4E.])(?P<abbr>{alternatives})\s?(?P<province>{names})?")


def organisations(text: Text, known: tuple[KnownOrganisation, ...]) -> list[Found]:
    plain = text.plain
    found: list[Found] = []
    taken: list[tuple[int, int]] = []
    by_abbreviation = {org.abbreviation: org.name for org in known if org.abbreviation}
    if by_abbreviation:
        for match in _abbreviation_pattern(tuple(by_abbreviation)).finditer(plain):
            name = by_abbreviation[match["abbr"]]
            if match["province"] and name.endswith("จังหวัด"):
                name += match["province"]
            elif match["province"] and name.startswith("องค์การบริหารส่วนจังหวัด"):
                name += match["province"]
            found.append(Found(name, match.span()))
            taken.append(match.span())
    prefixes = "|".join(sorted(ORGANISATION_PREFIXES, key=len, reverse=True))
    for match in re.finditer(prefixes, plain):
        start = match.start()
        if any(a <= start < b for a, b in taken):
            continue
        # an organisation begins a word, or follows the position held in it (นายกองค์การบริหารส่วนจังหวัด…)
        if not text.starts_word(start) and not plain[max(0, start - 20) : start].endswith(POSITION_WORDS):
            continue
        end = _name_end(text, start, match.end())
        written = _PUBLIC_BODY_SUFFIX.sub("", plain[start:end]).rstrip("ฯ ")
        if len(written) < MIN_LENGTH or written in ORGANISATION_PREFIXES:
            continue
        taken.append((start, end))
        found.append(Found(_known_name(written, known), (start, end)))
    unique: dict[str, Found] = {}
    for item in sorted(found, key=lambda f: f.span):
        unique.setdefault(item.value, item)
    return list(unique.values())


def _name_end(text: Text, start: int, after_prefix: int) -> int:
    plain = text.plain
    run = _NAME_CHARS.match(plain, start)
    end = run.end() if run else after_prefix
    # a stop word that begins a word ends the name
    for offset in range(after_prefix, end):
        if text.starts_word(offset) and any(
            plain.startswith(word, offset) and text.starts_word(offset + len(word)) for word in _STOP_WORDS
        ):
            end = offset
            break
        if text.starts_word(offset) and plain.startswith("ที่", offset) and offset + 2 < end:
            end = offset
            break
    # "สำนักงานแรงงานจังหวัด เชียงราย": the province after a space is the name's
    if plain.endswith("จังหวัด", start, end) and (after := _province_after_space(plain, end)):
        end = after
    # a name that holds จังหวัด<province> ends after the province
    province_end = province_ending_at(plain, start, end)
    if province_end is not None and province_end < end:
        end = province_end
    # a numbered office: "สำนักงานจัดการทรัพยากรป่าไม้ที่ 2"
    if plain.endswith("ที่", start, end) and (number := re.match(r" ?\d+", plain[end:])):
        end += number.end()
    return end


def _province_after_space(plain: str, end: int) -> int | None:
    match = re.match(
        r"[ \t]?(?:" + "|".join(map(re.escape, sorted(provinces(), key=len, reverse=True))) + ")", plain[end:]
    )
    return end + match.end() if match else None


def _known_name(written: str, known: tuple[KnownOrganisation, ...]) -> str:
    if written in _known_names(known):
        return written
    best, best_ratio = written, 0.0
    matcher = difflib.SequenceMatcher(None, b=written)
    for org in known:
        if abs(len(org.name) - len(written)) > MAX_SLIP:
            continue
        matcher.set_seq1(org.name)
        if matcher.real_quick_ratio() < SIMILAR or matcher.quick_ratio() < SIMILAR:
            continue
        ratio = matcher.ratio()
        if ratio > best_ratio:
            best, best_ratio = org.name, ratio
    return best if best_ratio >= SIMILAR else written


@cache
def _known_names(known: tuple[KnownOrganisation, ...]) -> frozenset[str]:
    return frozenset(org.name for org in known)
