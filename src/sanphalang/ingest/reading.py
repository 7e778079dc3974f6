"""Text out of what a user gives: pasted text, or a .txt (UTF-8, UTF-8 with BOM, UTF-16, TIS-620/cp874), .docx or
text .pdf file. Whatever cannot be read raises IngestError with the reason, never anything else."""

import io
import re
import zipfile
from pathlib import Path

from sanphalang.thai.encoding import decode_thai_text

from .errors import IngestError, IngestProblem

MAX_BYTES = 20 * 1024 * 1024
# A report is Thai when at least this share of its letters are Thai (headers, menus and names in English are
# ordinary in Thai news pages).
MIN_THAI_SHARE = 0.3
_THAI_LETTER = re.compile(r"[\u0E01-\u0E4E]")
_LETTER = re.compile(r"[^\W\d_]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffd]")


def read_text(text: str, *, name: str = "") -> str:
    """Pasted text, checked: not empty, not binary, Thai."""
    name = name or "text"
    if text is None or not text.strip():
        raise IngestError(IngestProblem.EMPTY, name=name)
    if len(_CONTROL.findall(text)) > max(8, len(text) // 100):
        raise IngestError(IngestProblem.BINARY, name=name)
    letters = _LETTER.findall(text)
    thai = sum(1 for letter in letters if _THAI_LETTER.match(letter))
    if not letters or thai / len(letters) < MIN_THAI_SHARE:
        raise IngestError(IngestProblem.NOT_THAI, name=name)
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read_file(path: str | Path, *, max_bytes: int = MAX_BYTES) -> str:
    """The text of a report file, by its content (PDF and Word by their signatures, else text)."""
    path = Path(path)
    name = path.name
    try:
        size = path.stat().st_size
    except (FileNotFoundError, NotADirectoryError):
        raise IngestError(IngestProblem.NOT_FOUND, name=name) from None
    if not path.is_file():
        raise IngestError(IngestProblem.NOT_FOUND, name=name)
    refuse_too_large(size, name=name, max_bytes=max_bytes)  # from its size alone: nothing of the file is read
    return read_bytes(path.read_bytes(), name=name, max_bytes=max_bytes)


def refuse_too_large(size: int, *, name: str, max_bytes: int = MAX_BYTES) -> None:
    if size > max_bytes:
        raise IngestError(
            IngestProblem.TOO_LARGE, name=name, size=f"{size / 2**20:.0f}", limit=f"{max_bytes / 2**20:.0f}"
        )


def read_bytes(data: bytes, *, name: str, max_bytes: int = MAX_BYTES) -> str:
    """The text of a file's content; name is the file's name, for its suffix and for the messages."""
    refuse_too_large(len(data), name=name, max_bytes=max_bytes)
    suffix = Path(name).suffix.lower()
    if not data.strip():
        raise IngestError(IngestProblem.EMPTY, name=name)
    if data.startswith(b"%PDF"):
        return read_text(_pdf_text(data, name), name=name)
    if data.startswith(b"PK"):
        if suffix not in ("", ".docx"):
            raise IngestError(IngestProblem.UNSUPPORTED, name=name)
        return read_text(_docx_text(data, name), name=name)
    if suffix in (".pdf", ".docx"):
        raise IngestError(IngestProblem.DAMAGED, name=name)
    if suffix not in ("", ".txt", ".text", ".md"):
        raise IngestError(IngestProblem.UNSUPPORTED, name=name)
    return read_text(_decode(data, name), name=name)


def _decode(data: bytes, name: str) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise IngestError(IngestProblem.BINARY, name=name) from None
    if b"\x00" in data:
        raise IngestError(IngestProblem.BINARY, name=name)
    text = decode_thai_text(data)
    if text is None:
        raise IngestError(IngestProblem.BINARY, name=name)
    return text


def _docx_text(data: bytes, name: str) -> str:
    import docx

    try:
        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError, OSError):
        raise IngestError(IngestProblem.DAMAGED, name=name) from None
    except Exception as error:  # python-docx raises its own PackageNotFoundError and lxml errors
        if type(error).__module__.startswith(("docx", "lxml")):
            raise IngestError(IngestProblem.DAMAGED, name=name) from None
        raise
    parts = [paragraph.text for paragraph in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.append(" ".join(cell.text for cell in row.cells))
    return "\n".join(parts)


def _pdf_text(data: bytes, name: str) -> str:
    from pdfminer.high_level import extract_text
    from pdfminer.pdfparser import PDFSyntaxError

    try:
        text = extract_text(io.BytesIO(data))
    except (PDFSyntaxError, ValueError, TypeError, KeyError, AttributeError, AssertionError):
        raise IngestError(IngestProblem.DAMAGED, name=name) from None
    except Exception as error:  # pdfminer's own exception classes
        if type(error).__module__.startswith("pdfminer"):
            raise IngestError(IngestProblem.DAMAGED, name=name) from None
        raise
    if not text.strip():
        raise IngestError(IngestProblem.NEEDS_OCR, name=name)
    return text
