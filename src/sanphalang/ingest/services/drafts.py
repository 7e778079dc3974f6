"""Reading one report into a draft: the entry the CLI, the pages and the reading job call.

`known` is the organisations to match by name and abbreviation (`directory_organisations()`): a batch reads the
directory once and passes it to each file's draft."""

from pathlib import Path

from ..draft import Draft
from ..extract import extract
from ..extract.gazetteer import KnownOrganisation
from ..reading import read_bytes, read_file, read_text


def draft_from_file(path: str | Path, *, known: tuple[KnownOrganisation, ...] = ()) -> Draft:
    """The draft of a report file; raises IngestError when the file cannot be read."""
    return extract(read_file(path), known=known)


def draft_from_text(text: str, *, name: str = "", known: tuple[KnownOrganisation, ...] = ()) -> Draft:
    """The draft of pasted text; raises IngestError when it is empty, binary or not Thai."""
    return extract(read_text(text, name=name), known=known)


def draft_from_bytes(data: bytes, *, name: str, known: tuple[KnownOrganisation, ...] = ()) -> Draft:
    """The draft of an uploaded file's content; raises IngestError when it cannot be read."""
    return extract(read_bytes(data, name=name), known=known)
