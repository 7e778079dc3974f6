"""What a reader sees on a page, and what of it is not Thai: a Christian-era year, a stored code, an English word.

Only text the system wrote counts: a text node, or a part of one, that is a value held in the database (a name, a
code, a file's name, a row of an imported file) is the data's own and may be in any language.
"""

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import lxml.html
from django.apps import apps
from django.db import models

from sanphalang.thai.digits import to_arabic_digits

# Where no reader looks: scripts, styles and the contents of <template> before a script copies them.
HIDDEN_TAGS = {"script", "style", "template", "noscript"}
# Text a page marks as not Thai on purpose: computer codes (<code>, <kbd>, <samp>) and words whose language it
# names (<span lang="en">: the English heading an import file may use).
MARKED_TAGS = {"code", "kbd", "samp"}

# A year of the Christian era: four digits 19xx or 20xx standing alone (an ISO date's year too), not the end of a
# longer number, of a phone number (053-150-2019) or of a code (5701/2019), nor a part of a decimal.
CHRISTIAN_YEAR = re.compile(r"(?<![\d.,\-/])(?:19|20)\d\d(?!\d|[.,]\d)")
# An English phrase: ASCII words, each starting with a letter, joined by single spaces.
WORD = r"[A-Za-z][A-Za-z0-9'’&_\-]*(?:\.[A-Za-z0-9]+)*"
ENGLISH_PHRASE = re.compile(rf"{WORD}(?: {WORD})*")
ASCII_WORD = re.compile(WORD)

# Words that read the same in a Thai text: names of formats, products and units, as Thai official documents write
# them.
ALLOWED_WORDS = {
    "PDF",
    "Excel",
    "CSV",
    "XLSX",
    "DOCX",
    "ICS",
    "JSON",
    "SVG",
    "PNG",
    "API",
    "LINE",
    "ID",
    "Word",
    "Microsoft",
    "Google",
    "Bearer",
    "GeoJSON",
    "MOU",
    "English",  # the language switcher names each language in itself
    "iCal",
    "Shapefile",
    "WGS",  # WGS 84, the coordinates of a boundary file
    "ADM1_PCODE",  # the fields of a boundary file that may hold an area's code
    "ADM2_PCODE",
    "ADM3_PCODE",
    "PROV_CODE",
    "DNA",
    "IP",
    "KB",
    "MB",
    "GB",
    "km",
    "kg",
    "m",
}
EXTENSIONS = "pdf|docx|xlsx|csv|ics|json|geojson|png|svg|txt|zip|shp|shx|dbf|prj"
FILE_NAME = re.compile(rf"^(?:[\w\-.]+\.)?(?:{EXTENSIONS})$", re.IGNORECASE)


def visible_texts(html: bytes | str) -> Iterator[str]:
    """The text nodes of a page (or of a part of one, an HTMX answer) a reader sees: its title and body, without
    scripts, styles and attributes."""
    if not html.strip():
        return
    root = lxml.html.fromstring(html)
    for element in root.iter():
        tag = element.tag if isinstance(element.tag, str) else ""
        if tag and tag.lower() not in HIDDEN_TAGS and element.text and _shown(element):
            yield element.text
        if element.tail and element.getparent() is not None and _shown(element.getparent()):
            yield element.tail


def _shown(element) -> bool:
    for node in (element, *element.iterancestors()):
        if not isinstance(node.tag, str):
            continue
        if node.tag.lower() in HIDDEN_TAGS | MARKED_TAGS:
            return False
        language = node.get("lang") or "th"
        if not language.startswith("th") and node.tag.lower() != "html":
            return False
    return True


@dataclass
class DataValues:
    """Every text the database holds, as whole values, as English phrases and as year-like tokens."""

    values: set
    phrases: set
    year_tokens: set

    def add(self, text: str) -> None:
        text = text.strip()
        if not text:
            return
        self.values.add(text)
        for line in text.splitlines():
            self.values.add(line.strip())
        self.phrases.update(_phrases(text))
        if CHRISTIAN_YEAR.search(to_arabic_digits(text)):
            self.year_tokens.update(_tokens(to_arabic_digits(text)))


def _phrases(text: str) -> Iterable[str]:
    return (m.group().rstrip(".") for m in ENGLISH_PHRASE.finditer(text))


def _tokens(text: str) -> Iterable[str]:
    return (token.strip("()[]{},.;:'\"") for token in text.split())


TEXT_FIELDS = (models.CharField, models.TextField, models.FileField)


def data_values() -> DataValues:
    """Read from every table of the product: the texts of its rows, the strings inside JSON, the names of files."""
    found = DataValues(set(), set(), set())
    for model in apps.get_models():
        # A field with choices holds codes, which a page shows by their labels: they are not the data's words.
        fields = [
            f
            for f in model._meta.concrete_fields
            if isinstance(f, TEXT_FIELDS + (models.JSONField,)) and not f.choices
        ]
        if not fields or model._meta.label_lower.startswith(("sessions.", "admin.", "django_tasks")):
            continue
        for row in model._default_manager.values_list(*[f.attname for f in fields]).iterator():
            for field, value in zip(fields, row, strict=True):
                if isinstance(field, models.JSONField):
                    for text in _json_strings(value):
                        found.add(text)
                elif value:
                    found.add(str(value))
                    if isinstance(field, models.FileField):
                        found.add(str(value).rsplit("/", 1)[-1])
    return found


def _json_strings(value) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield str(key)
            yield from _json_strings(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _json_strings(item)


def stored_codes() -> set[str]:
    """The values of every model field's choices (the codes a page must show by their labels), and the words
    Python prints for True, False and None."""
    codes = {"True", "False", "None"}
    for model in apps.get_models():
        for field in model._meta.get_fields():
            for value, _label in getattr(field, "flatchoices", None) or ():
                if isinstance(value, str) and re.search("[A-Za-z]", value):
                    codes.add(value)
    return codes


@dataclass(frozen=True)
class Offender:
    kind: str  # "year", "code" or "english"
    text: str  # what the reader sees
    node: str  # the text node it is in

    def __str__(self) -> str:
        return f"{self.kind} {self.text!r} in {self.node.strip()[:120]!r}"


def offenders(html: bytes | str, *, data: DataValues, codes: set[str]) -> list[Offender]:
    found: list[Offender] = []
    for node in visible_texts(html):
        text = node.strip()
        if not text or text in data.values:
            continue
        arabic = to_arabic_digits(text)
        for match in CHRISTIAN_YEAR.finditer(arabic):
            token = _token_at(arabic, match.start())
            if token not in data.year_tokens:
                found.append(Offender("year", token, text))
        for phrase in _phrases(text):
            if phrase in data.phrases or phrase in data.values:
                continue
            words = ASCII_WORD.findall(phrase)
            if phrase in codes:
                found.append(Offender("code", phrase, text))
            elif not (all(w in ALLOWED_WORDS for w in words) or FILE_NAME.match(phrase)):
                found.append(Offender("english", phrase, text))
    return found


def _token_at(text: str, index: int) -> str:
    start = text.rfind(" ", 0, index) + 1
    end = text.find(" ", index)
    return text[start : end if end != -1 else len(text)].strip("()[]{},.;:'\"")
