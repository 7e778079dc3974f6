"""People: a title (นาย, นางสาว, ดร. …) and a given name, a family name when one follows, and the position written
after the name, which becomes its own field ("นายรัชกฤช สถิรานนท์ รองผู้ว่าราชการจังหวัดเชียงราย")."""

import re
from functools import cache

from pythainlp.corpus import thai_family_names, thai_female_names, thai_male_names

from ..draft import Person
from .gazetteer import person_titles
from .text import Text

# Words that begin a position, not a family name.
POSITION_WORDS = (
    "รองผู้ว่าราชการ",
    "ผู้ว่าราชการ",
    "ผู้อำนวยการ",
    "ผู้ช่วย",
    "ผู้ประสานงาน",
    "ผู้แทน",
    "ผู้ใหญ่บ้าน",
    "ผู้ดำเนินรายการ",
    "ผู้จัดการ",
    "ผู้ตรวจ",
    "รองประธาน",
    "ประธาน",
    "รองนายก",
    "นายกเทศมนตรี",
    "นายกองค์การ",
    "นายก",
    "นายอำเภอ",
    "ปลัด",
    "เลขานุการ",
    "เลขาธิการ",
    "หัวหน้า",
    "กำนัน",
    "กรรมการ",
    "อนุกรรมการ",
    "เหรัญญิก",
    "ที่ปรึกษา",
    "นักพัฒนา",
    "นักวิชาการ",
    "เจ้าหน้าที่",
    "ผู้เชี่ยวชาญ",
    "อธิบดี",
    "รัฐมนตรี",
    "พัฒนาสังคมและความมั่นคง",
    "พัฒนาการจังหวัด",
    "แรงงานจังหวัด",
    "อาจารย์",
    "คณบดี",
    "อธิการบดี",
    "สมาชิก",
    "ผู้",
)
# Words that end a name or a position: what the person did.
_ACTION = (
    "เป็นประธาน",
    "ได้เป็น",
    "เป็น",
    "กล่าว",
    "เปิดเผย",
    "ได้",
    "ร่วม",
    "มอบหมาย",
    "จึง",
    "และ",
    "พร้อม",
    "ให้",
    "เข้า",
    "ซึ่ง",
    "โดย",
    "ที่",
)
_NOT_GIVEN = ("ก", "อำเภอ", "กเทศมนตรี", "กองค์การ", "ทะเบียน", "จ้าง", "หน้า", "ทุน", "ร้อย", "พราน", "สาว")
_THAI_RUN = r"[\u0E00-\u0E4E]+"


@cache
def _title_pattern() -> re.Pattern:
    titles = sorted(person_titles(), key=len, reverse=True)
    alternatives = "|".join(re.escape(title) for title in titles)
    return re.compile(
        rf"(?P<title>{alternatives})\s*(?P<given>{_THAI_RUN})(?:[ \t]+(?P<family>{_THAI_RUN}))?"
    )


@cache
def _names() -> tuple[frozenset, frozenset]:
    given = frozenset(thai_male_names()) | frozenset(thai_female_names())
    return given, frozenset(thai_family_names())


def _cut(text: str, words) -> str:
    """text up to the first of the words found after its start."""
    end = len(text)
    for word in words:
        at = text.find(word, 1)
        if at != -1:
            end = min(end, at)
    return text[:end]


def people(text: Text) -> list[Person]:
    plain = text.plain
    given_names, family_names = _names()
    found = []
    for match in _title_pattern().finditer(plain):
        title, given, family = match["title"], match["given"], match["family"] or ""
        if given.startswith(_NOT_GIVEN) and given not in given_names:
            continue
        if given.startswith(POSITION_WORDS) and given not in given_names:
            continue
        # A given name glued to what follows it ("ผู้ว่าราชการจังหวัดชุมพรเป็นประธาน" after the family name)
        given = _cut(given, _ACTION) if given not in given_names else given
        end = match.start("given") + len(given)
        position = ""
        if family and (family.startswith(POSITION_WORDS + _ACTION) and family not in family_names):
            position_start = match.start("family")
            family = ""
        elif family:
            end = match.end("family")
            position_start = _skip_space(plain, end)
        else:
            position_start = _skip_space(plain, end)
        rest = plain[position_start : position_start + 160]
        if rest.startswith(POSITION_WORDS):
            position = _position(rest)
            if position:
                end = position_start + len(position)
        name = f"{given} {family}".strip()
        if len(given) < 2:
            continue
        found.append(Person(name=name, title=title, position=position, span=(match.start(), end)))
    return _once_each(found)


def _once_each(found: list[Person]) -> list[Person]:
    """Each person once, at their first mention; a later mention that names them by given name alone is theirs."""
    kept: dict[str, Person] = {}
    for person in found:
        given = person.name.split()[0]
        same = next((name for name in kept if name == person.name or name.split()[0] == given), None)
        if same is None:
            kept[person.name] = person
        elif not kept[same].position and person.position:
            kept[same] = Person(same, kept[same].title, person.position, kept[same].span)
    return list(kept.values())


def _skip_space(plain: str, offset: int) -> int:
    while offset < len(plain) and plain[offset] in " \t":
        offset += 1
    return offset


def _position(rest: str) -> str:
    first = re.match(r"\S+", rest)
    if not first:
        return ""
    position = first.group()
    for stop in ("เป็นประธาน", "ได้เป็น", "เป็น", "กล่าว", "เปิดเผย", "มอบหมาย", "จึง", "(", ",", "ร่วม"):
        at = position.find(stop, 2)
        if at != -1:
            position = position[:at]
    return position.strip()
