"""What the extractor knows without a database: the provinces (from the areas app's shipped reference file), the
agencies and their abbreviations (a shipped list and thai/names.py), person titles, and the tokenizer's dictionary
made of these and PyThaiNLP's words."""

import gzip
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from sanphalang.areas.loading import OFFICIAL_KEYS_FILE
from sanphalang.thai.names import ORGANISATION_ABBREVIATIONS, PERSON_TITLES

ORGANISATIONS_FILE = Path(__file__).resolve().parents[1] / "data" / "organisations.txt"

# Words that begin the name of an organisation or body.
ORGANISATION_PREFIXES = (
    "สำนักงาน",
    "กระทรวง",
    "กรม",
    "องค์การบริหารส่วน",
    "องค์กรปกครองส่วนท้องถิ่น",
    "เทศบาล",
    "สภา",
    "เครือข่าย",
    "มูลนิธิ",
    "สถาบัน",
    "สมาคม",
    "ศูนย์",
    "กองทุน",
    "สหกรณ์",
    "มหาวิทยาลัย",
    "โรงพยาบาล",
    "ชมรม",
    "การเคหะ",
    "การไฟฟ้า",
    "ธนาคาร",
)
# Province names that are also common words: read only after จังหวัด or จ.
AMBIGUOUS_PROVINCES = frozenset({"เลย", "ตาก", "แพร่", "กระบี่", "น่าน"})
PROVINCE_ALIASES = {
    "กทม.": "กรุงเทพมหานคร",
    "กทม": "กรุงเทพมหานคร",
    "กรุงเทพฯ": "กรุงเทพมหานคร",
    "กรุงเทพ": "กรุงเทพมหานคร",
}


@dataclass(frozen=True)
class KnownOrganisation:
    name: str
    abbreviation: str = ""


@cache
def provinces() -> tuple[str, ...]:
    """The Thai names of the 77 provinces, from the file the areas app loads its reference data with."""
    names = []
    with gzip.open(OFFICIAL_KEYS_FILE, "rt", encoding="utf-8") as rows:
        for row in rows:
            code, name_th, *_ = row.split("\t")
            if len(code) == 2 and code.isdigit():
                names.append(name_th)
    return tuple(names)


@cache
def shipped_organisations() -> tuple[KnownOrganisation, ...]:
    known = {}
    for line in ORGANISATIONS_FILE.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        name, _, abbreviation = line.partition("\t")
        known[name.strip()] = KnownOrganisation(name.strip(), abbreviation.strip())
    for abbreviation, name in ORGANISATION_ABBREVIATIONS.items():
        if abbreviation not in PROVINCE_ALIASES and name not in known:
            known[name] = KnownOrganisation(name, abbreviation)
    return tuple(known.values())


def directory_organisations() -> tuple[KnownOrganisation, ...]:
    """The directory's organisations (name and abbreviation), when a database is at hand; else none."""
    try:
        from sanphalang.directory.models import Organisation

        rows = Organisation.objects.values_list("name_th", "abbreviation")
        return tuple(KnownOrganisation(name, abbreviation or "") for name, abbreviation in rows)
    except Exception:  # no database, or not migrated: the shipped list and the prefixes are enough
        return ()


def person_titles() -> tuple[str, ...]:
    return tuple(PERSON_TITLES)


@lru_cache(maxsize=4)
def tokenizer_dictionary(extra: frozenset[str] = frozenset()):
    """PyThaiNLP's words with our provinces, organisations, prefixes and titles, as one trie (built once)."""
    from pythainlp.corpus import thai_words
    from pythainlp.util import dict_trie

    words = set(thai_words())
    words.update(provinces())
    words.update(org.name for org in shipped_organisations())
    words.update(ORGANISATION_PREFIXES)
    words.update(title for title in PERSON_TITLES if "." not in title and " " not in title)
    words.update(extra)
    return dict_trie(words)
