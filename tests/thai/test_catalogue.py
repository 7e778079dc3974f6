"""The Thai catalogue as Thai officials write it (the glossary's "not" words stay out of it), every entry translated,
and every "title" in the code said with the context that tells a meeting's title from a person's honorific."""

import re
from pathlib import Path

import polib
import pytest

SRC = Path(__file__).resolve().parents[2] / "src" / "sanphalang"
CATALOGUE = polib.pofile(str(SRC / "locale" / "th" / "LC_MESSAGES" / "django.po"))
ENTRIES = [entry for entry in CATALOGUE if not entry.obsolete]

# A word the glossary rules out, and the English sense (a pattern on the msgid) in which it is wrong.
NOT_WORDS = [
    ("กระทบยอด", r"", "reconcile is เทียบและเชื่อมโยง"),
    ("ข้อยุติ", r"", "settle is ยืนยันค่า"),
    ("ตัดสิน", r"", "settle or decide a link is ยืนยันค่า / พิจารณา"),
    ("ผู้เข้าร่วมสมทบ", r"", "a guest is ผู้เข้าร่วมประชุม (ไม่ใช่สมาชิก)"),
    ("ฐานทางกฎหมาย", r"", "the legal basis is ฐานในการประมวลผลข้อมูลส่วนบุคคล"),
    ("วันที่วางแผนไว้", r"", "planned on is วันที่กำหนดลงพื้นที่"),
    ("ผู้ติดตามข้อมูล", r"", "a viewer is ผู้ดูข้อมูล"),
    ("งานที่ต้องติดตาม", r"", "an action item is งานที่ต้องดำเนินการ"),
    ("ตามอำเภอ", r"", "by district is รายอำเภอ"),
    ("ตามจังหวัด", r"", "by province is รายจังหวัด"),
    ("ตามกลุ่มจังหวัด", r"", "by region is รายกลุ่มจังหวัด"),
    ("ปีที่ก่อตั้ง", r"(?i)found", "founded on is วันที่ก่อตั้ง"),
    ("จดทะเบียน", r"(?i)welfare organisation|certif", "a welfare organisation is ได้รับการรับรอง"),
    ("ผู้ประสานงาน", r"(?i)\bcontact\b", "a contact person is ผู้ติดต่อ"),
    ("คำนำหน้าชื่อ", r"(?i)meeting|agenda|attachment|position", "a title of a record is not an honorific"),
]
# "From" and "from" label the first day of a position or membership: there ตั้งแต่ (since) is right.
DATE_FROM = {"From", "from"}
# The contexts "title" is said in, and its one Thai word in each.
TITLE_CONTEXTS = {
    "meeting title": "ชื่อเรื่อง",
    "agenda item title": "เรื่อง",
    "attachment title": "ชื่อเอกสาร",
    "membership title": "ชื่อตำแหน่ง",
    "position title": "ชื่อตำแหน่ง",
    "honorific": "คำนำหน้าชื่อ",
}


def _texts(entry) -> list[str]:
    return list(entry.msgstr_plural.values()) if entry.msgid_plural else [entry.msgstr]


def _says_title(text: str) -> bool:
    """Whether an English text names a title, leaving out placeholders such as %(title)s or {{ title }}."""
    text = re.sub(r"%\(\w+\)[sd]|\{\{.*?\}\}", "", text)
    return re.search(r"(?i)\btitles?\b", text) is not None


def test_every_entry_is_translated_and_none_is_fuzzy():
    missing = [entry.msgid for entry in ENTRIES if not entry.translated()]
    fuzzy = [entry.msgid for entry in ENTRIES if "fuzzy" in entry.flags]
    assert (missing, fuzzy) == ([], [])


@pytest.mark.parametrize(("word", "sense", "why"), NOT_WORDS, ids=[word for word, _sense, _why in NOT_WORDS])
def test_no_entry_uses_a_word_the_glossary_rules_out(word, sense, why):
    wrong = [
        (entry.msgid, text)
        for entry in ENTRIES
        for text in _texts(entry)
        if word in text and re.search(sense, entry.msgid)
    ]
    assert wrong == [], why


def test_no_entry_addresses_the_reader_as_than():
    # ท่าน, not the เท่า of เท่านั้น
    wrong = [(e.msgid, t) for e in ENTRIES for t in _texts(e) if re.search(r"(?<!เ)ท่าน", t)]
    assert wrong == []


def test_from_a_source_is_jak_never_tangtae():
    wrong = [
        (entry.msgid, text)
        for entry in ENTRIES
        for text in _texts(entry)
        if re.search(r"(?i)\bfrom\b", entry.msgid) and "ตั้งแต่" in text and entry.msgid not in DATE_FROM
    ]
    assert wrong == []


def test_confirmation_questions_have_no_question_mark_and_clauses_no_colon():
    marked = [(e.msgid, t) for e in ENTRIES for t in _texts(e) if re.search(r"[\u0E00-\u0E7F]\s*\?", t)]
    colon = [(e.msgid, t) for e in ENTRIES for t in _texts(e) if re.search(r"[:;]\s*(กรุณา|โปรด)", t)]
    assert (marked, colon) == ([], [])


def test_each_title_context_has_its_one_thai_word():
    said = {(entry.msgctxt, entry.msgstr) for entry in ENTRIES if entry.msgctxt in TITLE_CONTEXTS}
    assert {context for context, _text in said} == set(TITLE_CONTEXTS)
    assert {(context, text) for context, text in said if TITLE_CONTEXTS[context] != text} == set()


# gettext("…title…") or _("…title…") in Python without a context; {% translate "…title…" %} in a template without one.
PY_CALL = re.compile(
    r"""(?<![\w.])(?:_|gettext|gettext_lazy|ngettext|ngettext_lazy)\(\s*(["'])(.*?)\1""", re.S
)
TEMPLATE_TAG = re.compile(r"""\{%\s*(?:translate|trans)\s+(["'])(.*?)\1(.*?)%\}""", re.S)
TEMPLATE_BLOCK = re.compile(r"\{%\s*(?:blocktranslate|blocktrans)\b(.*?)%\}(.*?)\{%\s*end", re.S)


def test_no_title_in_the_code_is_said_without_a_context():
    bare = []
    for path in SRC.rglob("*.py"):
        if "migrations" in path.parts:
            continue
        for _quote, text in PY_CALL.findall(path.read_text(encoding="utf-8")):
            if _says_title(text):
                bare.append((str(path.relative_to(SRC)), text))
    for path in SRC.rglob("*.html"):
        source = path.read_text(encoding="utf-8")
        for _quote, text, rest in TEMPLATE_TAG.findall(source):
            if _says_title(text) and "context" not in rest:
                bare.append((str(path.relative_to(SRC)), text))
        for options, text in TEMPLATE_BLOCK.findall(source):
            if _says_title(text) and "context" not in options:
                bare.append((str(path.relative_to(SRC)), text))
    assert bare == []
