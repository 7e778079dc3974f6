"""Reading one report file into a draft: the one entry the CLI (and later the pages and jobs) call."""

from pathlib import Path

from .draft import Draft
from .extract import extract
from .extract.gazetteer import directory_organisations
from .reading import read_file


def draft_from_file(path: str | Path, *, use_directory: bool = True) -> Draft:
    """The draft of a report file; raises IngestError when the file cannot be read."""
    text = read_file(path)
    return extract(text, known=directory_organisations() if use_directory else ())
