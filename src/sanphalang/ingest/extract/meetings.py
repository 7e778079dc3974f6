"""What kind of event a report tells of, and, for a meeting or forum, its number, venue, chair, participant count
and resolutions."""

import re

from ..draft import Found, Person
from .areas import province_ending_at
from .text import Text

# The first of these words in the report says what the event was (a meeting room is not a meeting).
KIND_WORDS = {
    "meeting": ("(?<!ห้อง)(?<!หอ)ประชุม",),
    "forum": ("เวที", "เสวนา", "สัมมนา", "สมัชชา", "มหกรรม"),
    "signing": ("ลงนาม", "บันทึกความร่วมมือ", "บันทึกความเข้าใจ", "MOU"),
    "visit": ("ลงพื้นที่", "ศึกษาดูงาน", "เยี่ยมเยียน", "ติดตามสอบทาน", "เข้าพบ"),
}
_KIND = re.compile("|".join(f"(?P<{kind}>{'|'.join(words)})" for kind, words in KIND_WORDS.items()))
_NUMBER = re.compile(r"ครั้งที่\s*(?P<number>\d{1,3})\s*(?:/\s*|ประจำปี\s*(?:พ\.ศ\.\s*)?)(?P<year>\d{4})")
_VENUE = re.compile(r"(?:(?<=\s)|^)(?:ณ|ที่(?=ห้อง|โรงแรม|ศาลา|อาคาร|หอประชุม|สำนักงาน|วัด|โรงเรียน))\s*(?=\S)")
_AREA_WORDS = ("อำเภอ", "จังหวัด", "ตำบล", "เขต", "แขวง", "อ.", "จ.", "ต.")
_PLACE_WORDS = ("ห้อง", "ชั้น", "อาคาร", "ตึก")
_PARTICIPANTS = re.compile(
    r"(?:ผู้เข้าร่วม\S{0,12}|ผู้มาประชุม|ผู้ร่วมงาน)\s*(?:จำนวน|ทั้งสิ้น|ประมาณ|กว่า|รวม)?\s*(?P<count>\d[\d,]*)\s*(?:คน|ราย|ท่าน)"
    r"|(?P<count2>\d[\d,]*)\s*(?:คน|ราย|ท่าน)\s*(?:เข้าร่วม|ร่วมประชุม|มาร่วม)"
)
_CHAIR = re.compile(r"(?:ได้)?(?:เป็น|ทำหน้าที่)ประธาน")
_RESOLUTION = re.compile(r"(?:ที่ประชุม(?:ได้)?มีมติ|มติที่ประชุม|มีมติ|มอบหมายให้|ที่ประชุมเห็นชอบ)")
CHAIR_REACH = 120
# A numbered or bulleted line of a list: "1. ", "(2) ", "3) ", "- ", "• ".
_ITEM = re.compile(r"[ \t]*(?:\(?\d{1,2}[.)]|[-•·])[ \t]*")


def event_kind(text: Text) -> Found:
    match = _KIND.search(text.plain)
    if not match:
        return Found("other", (0, 0))
    return Found(match.lastgroup, match.span())


def meeting_number(text: Text) -> Found | None:
    match = _NUMBER.search(text.plain)
    return Found(f"{int(match['number'])}/{match['year']}", match.span()) if match else None


def venue(text: Text) -> Found | None:
    plain = text.plain
    for match in _VENUE.finditer(plain):
        start = match.end()
        chunks = re.finditer(r"\S+", plain[start : start + 200])
        end = start
        for index, chunk in enumerate(chunks):
            word = chunk.group()
            if (
                index == 0
                or word.startswith(_AREA_WORDS)
                or (index == 1 and plain[start:end].startswith(_PLACE_WORDS))
            ):
                end = start + chunk.end()
                if "\n" in plain[start:end]:
                    break
                continue
            break
        place = plain[start:end]
        cut = province_ending_at(plain, start, end)
        if cut is not None and cut < end and not plain[cut:end].strip().startswith(_AREA_WORDS):
            end = cut
        place = re.sub(r"\s+", " ", text.original[start:end]).strip(" ,")
        if len(place) >= 4:
            return Found(place, (start, end))
    return None


def participant_count(text: Text) -> Found | None:
    match = _PARTICIPANTS.search(text.plain)
    if not match:
        return None
    count = match["count"] or match["count2"]
    return Found(int(count.replace(",", "")), match.span())


def chair(text: Text, people: list[Person]) -> Person | None:
    """The first person whose name and position come right before "เป็นประธาน"."""
    for match in _CHAIR.finditer(text.plain):
        before = [person for person in people if person.span[1] <= match.start()]
        between = text.plain[before[-1].span[1] : match.start()] if before else ""
        if before and len(between) <= CHAIR_REACH and "\n" not in between and "  " not in between:
            return before[-1]
    return None


def resolutions(text: Text) -> list[Found]:
    """Each resolution: the sentence a resolving phrase opens; under a heading ("มติที่ประชุม" alone on its line),
    each numbered line that follows it."""
    found: list[Found] = []
    covered = 0
    for match in _RESOLUTION.finditer(text.plain):
        if match.start() < covered:
            continue
        end = _sentence_end(text.plain, match.end())
        if not text.plain[match.end() : end].strip(" \t:-"):
            items = _numbered_lines(text, end)
            found.extend(items)
            covered = items[-1].span[1] if items else end
            continue
        passage = re.sub(r"\s+", " ", text.original[match.start() : end]).strip()
        found.append(Found(passage, (match.start(), end)))
    return found


def _numbered_lines(text: Text, start: int) -> list[Found]:
    """The numbered lines ("1. …", "(2) …", "- …") from start, until a line that is not one."""
    items = []
    position = start
    for line in text.plain[start:].splitlines(keepends=True):
        line_start, position = position, position + len(line)
        if not line.strip():
            if items:
                break
            continue
        item = _ITEM.match(line)
        if not item:
            break
        body_start, body_end = line_start + item.end(), line_start + len(line.rstrip())
        passage = re.sub(r"\s+", " ", text.original[body_start:body_end]).strip()
        if passage:
            items.append(Found(passage, (body_start, body_end)))
    return items


def _sentence_end(plain: str, start: int) -> int:
    ends = [plain.find(mark, start) for mark in ("\n", "  ", " ทั้งนี้")]
    ends = [end for end in ends if end != -1]
    return min(ends) if ends else len(plain)
