"""Thai dictionary order that every database sorts the same way.

PyThaiNLP's collation key moves leading vowels after their consonant and tone marks to the end. We store the
key hex-encoded, so SQLite's binary order and any PostgreSQL collation agree on it, and an index serves it.
"""

from pythainlp.util import collate as _collate
from pythainlp.util.collate import _thkey

SORT_KEY_CHARS = 64


def thai_sort_key(text: str) -> str:
    key = _thkey((text or "").strip().lower()[:SORT_KEY_CHARS])
    return "".join(f"{ord(ch):04x}" for ch in key)


def thai_sorted(items, key=lambda item: item, reverse: bool = False) -> list:
    """Sort any objects in Thai dictionary order of key(item)."""
    by_text: dict[str, list] = {}
    for item in items:
        by_text.setdefault(key(item) or "", []).append(item)
    ordered = _collate(by_text.keys(), reverse=reverse)
    return [item for text in ordered for item in by_text[text]]
