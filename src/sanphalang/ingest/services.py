"""Reading one report file into a draft: the one entry the CLI (and later the pages and jobs) call."""

from pathlib import Path

from .draft import Draft
from .extract import extract
from .extract.gazetteer import directory_organisations
from .reading import read_file, read_text


def draft_from_file(path: str | Path, *, use_directory: bool = True) -> Draft:
    """The draft of a report file; raises IngestError when the file cannot be read."""
    text = read_file(path)
    return extract(text, known=directory_organisations() if use_directory else ())


def draft_from_text(text: str, *, name: str = "", use_directory: bool = True) -> Draft:
    """The draft of pasted text; raises IngestError when it is empty, binary or not Thai."""
    return extract(read_text(text, name=name), known=directory_organisations() if use_directory else ())
