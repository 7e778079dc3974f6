"""Thai names of people and organisations: titles, abbreviations and the keys that search and matching use."""

import re

from pythainlp.util import normalize as thai_normalize

from .digits import to_arabic_digits

# Titles that precede Thai personal names, longest first so "นางสาว" is not read as "นาง" + "สาว...".
PERSON_TITLES = sorted(
    {
        "นาย",
        "นาง",
        "นางสาว",
        "น.ส.",
        "นส.",
        "เด็กชาย",
        "เด็กหญิง",
        "ด.ช.",
        "ด.ญ.",
        "ดร.",
        "ศ.",
        "รศ.",
        "ผศ.",
        "ศ.ดร.",
        "รศ.ดร.",
        "ผศ.ดร.",
        "นพ.",
        "พญ.",
        "ทพ.",
        "ทพญ.",
        "ภก.",
        "ภญ.",
        "พระ",
        "พระครู",
        "พระมหา",
        "แม่ชี",
        "ว่าที่ร้อยตรี",
        "ว่าที่ ร.ต.",
        "ว่าที่ร.ต.",
        "พล.อ.",
        "พล.ท.",
        "พล.ต.",
        "พ.อ.",
        "พ.ท.",
        "พ.ต.",
        "ร.อ.",
        "ร.ท.",
        "ร.ต.",
        "จ.ส.อ.",
        "พล.ต.อ.",
        "พล.ต.ท.",
        "พล.ต.ต.",
        "พ.ต.อ.",
        "พ.ต.ท.",
        "พ.ต.ต.",
        "ร.ต.อ.",
        "ร.ต.ท.",
        "ร.ต.ต.",
        "ด.ต.",
        "Mr.",
        "Mrs.",
        "Ms.",
        "Miss",
        "Dr.",
        "Mr",
        "Mrs",
        "Ms",
        "Dr",
    },
    key=len,
    reverse=True,
)

# Abbreviations used in the movement's reports, with the words they stand for. Both forms are indexed, so a
# search for either finds the organisation. Province-level forms ("พมจ.") stand for the office without the
# province name, which follows in the full name ("...จังหวัดเชียงราย").
ORGANISATION_ABBREVIATIONS = {
    "พมจ.": "สำนักงานพัฒนาสังคมและความมั่นคงของมนุษย์จังหวัด",
    "พม.": "กระทรวงการพัฒนาสังคมและความมั่นคงของมนุษย์",
    "พอช.": "สถาบันพัฒนาองค์กรชุมชน",
    "อบจ.": "องค์การบริหารส่วนจังหวัด",
    "อบต.": "องค์การบริหารส่วนตำบล",
    "ทต.": "เทศบาลตำบล",
    "ทม.": "เทศบาลเมือง",
    "ทน.": "เทศบาลนคร",
    "อปท.": "องค์กรปกครองส่วนท้องถิ่น",
    "สถ.": "กรมส่งเสริมการปกครองท้องถิ่น",
    "สถจ.": "สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัด",
    "สสส.": "สำนักงานกองทุนสนับสนุนการสร้างเสริมสุขภาพ",
    "สช.": "สำนักงานคณะกรรมการสุขภาพแห่งชาติ",
    "กฟก.": "สำนักงานกองทุนฟื้นฟูและพัฒนาเกษตรกร",
    "ปภ.": "กรมป้องกันและบรรเทาสาธารณภัย",
    "สนจ.": "สำนักงานจังหวัด",
    "สปสช.": "สำนักงานหลักประกันสุขภาพแห่งชาติ",
    "รพ.สต.": "โรงพยาบาลส่งเสริมสุขภาพตำบล",
    "อสม.": "อาสาสมัครสาธารณสุขประจำหมู่บ้าน",
    "กทม.": "กรุงเทพมหานคร",
    "มท.": "กระทรวงมหาดไทย",
    "สภ.": "สถานีตำรวจภูธร",
}

_AREA_PREFIXES = (
    "จังหวัด",
    "จ.",
    "อำเภอ",
    "อ.",
    "กิ่งอำเภอ",
    "เขต",
    "ข.",
    "ตำบล",
    "ต.",
    "แขวง",
    "หมู่บ้าน",
    "บ้าน",
    "หมู่ที่",
    "ม.",
    "changwat",
    "amphoe",
    "tambon",
    "khet",
    "khwaeng",
    "province",
    "district",
    "subdistrict",
)
# NUL and the other C0 controls (tab and line breaks are kept), and the bidirectional embedding, override and
# isolate controls (U+202A–U+202E, U+2066–U+2069), which make a name show as something other than what is stored.
# ZWJ and ZWNJ are kept: they are ordinary in typed text.
_UNSAFE_CHARACTERS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u202a-\u202e\u2066-\u2069]")
_SPACES_AND_MARKS = re.compile(r"[\s\-_.,()\"'“”‘’/]+")


def strip_person_title(name: str) -> tuple[str, str]:
    """Split a leading title off a person's name: "นางสาวรัชนี ตรัยตรึงศ์โกศล" → ("นางสาว", "รัชนี ตรัยตรึงศ์โกศล").

    Titles stack ("ว่าที่ร้อยตรี ดร."): all of them are returned, joined by a space.
    """
    rest = (name or "").strip()
    found = []
    changed = True
    while changed and rest:
        changed = False
        for title in PERSON_TITLES:
            if rest.lower().startswith(title.lower()) and len(rest) > len(title):
                remainder = rest[len(title) :]
                # A Latin title must end at a word boundary ("Mr" not "Mrinal").
                if title[-1].isalpha() and title.isascii() and remainder[:1].isalpha():
                    continue
                found.append(title)
                rest = remainder.strip()
                changed = True
                break
    return " ".join(found), rest


def strip_unsafe_characters(text: str) -> str:
    """Text without control characters or direction overrides: what every stored text and every search gets."""
    return _UNSAFE_CHARACTERS.sub("", text)


def clean_text(text: str) -> str:
    """Tidy typed Thai text: PyThaiNLP's normalisation (vowel order, doubled marks), single spaces."""
    if not text:
        return ""
    return re.sub(r"\s+", " ", thai_normalize(strip_unsafe_characters(str(text)))).strip()


def compact(text: str) -> str:
    """Lowercase, Arabic digits, no spaces or punctuation: the form in which names are compared."""
    return _SPACES_AND_MARKS.sub("", to_arabic_digits(clean_text(text)).lower())


def expand_abbreviations(text: str) -> str:
    """Write out the abbreviations in a name: "อบจ.พะเยา" → "องค์การบริหารส่วนจังหวัดพะเยา"."""
    result = clean_text(text)
    for short in sorted(ORGANISATION_ABBREVIATIONS, key=len, reverse=True):
        long_form = ORGANISATION_ABBREVIATIONS[short]
        bare = short.replace(".", "")
        # With its dots the abbreviation may run into the next word ("อบจ.พะเยา"); without them it must stand
        # alone, or "ทม" would eat the start of "ทมิฬ".
        pattern = rf"(?<![\u0E00-\u0E7F])(?:{re.escape(short)}|{re.escape(bare)}(?=\s|$))"
        result = re.sub(pattern, long_form, result)
    return result


def strip_area_prefix(text: str) -> str:
    """ "จ.เชียงราย" → "เชียงราย", "อำเภอเมือง" → "เมือง", "Tambon Pa Sang" → "Pa Sang"."""
    rest = clean_text(text)
    changed = True
    while changed:
        changed = False
        for prefix in _AREA_PREFIXES:
            if rest.lower().startswith(prefix) and len(rest) > len(prefix):
                rest = rest[len(prefix) :].strip()
                changed = True
    return rest


def person_search_key(*parts: str) -> str:
    """The compact form of a person's names, without titles, for substring search."""
    return " ".join(compact(strip_person_title(part)[1]) for part in parts if part)


def organisation_search_key(*names: str) -> str:
    """The compact forms of an organisation's names, each also with abbreviations written out."""
    keys: list[str] = []
    for name in names:
        if not name:
            continue
        for form in (name, expand_abbreviations(name)):
            key = compact(form)
            if key and key not in keys:
                keys.append(key)
    return " ".join(keys)
