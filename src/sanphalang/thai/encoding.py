"""Bytes of Thai text as offices save them: UTF-8 (with or without Excel's BOM), else TIS-620."""

# cp874 is Windows' superset of TIS-620, the encoding older Thai Excel and Word save text in.
THAI_TEXT_ENCODINGS = ("utf-8-sig", "cp874")


def decode_thai_text(data: bytes) -> str | None:
    """The text of data in the first encoding that reads it whole; None if none does (it is not Thai text)."""
    for encoding in THAI_TEXT_ENCODINGS:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return None
