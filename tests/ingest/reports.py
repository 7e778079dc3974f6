"""Reports for the tests of giving, reviewing and accepting: the S1 corpus report, and files made from it."""

import io
from pathlib import Path

CORPUS = Path(__file__).parent / "corpus"


def s1_report() -> str:
    return (CORPUS / "chiangrai-citizens-council-2558.txt").read_text(encoding="utf-8")


def docx_bytes(text: str) -> bytes:
    import docx

    document = docx.Document()
    for line in text.splitlines():
        document.add_paragraph(line)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
