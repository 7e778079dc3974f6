"""The Sarabun font files the printed documents embed, and the @font-face rules that name each weight."""

from functools import cache
from pathlib import Path

import fontpkg_sarabun

from sanphalang.thai.pdf_fonts import pdf_font

FAMILY = "Sarabun"
# Each weight has its own file and its own rule: a single rule would leave the engine to fake bold from regular
# or, worse, to use the bold file for body text.
FACES = (
    ("Sarabun-Regular.ttf", 400, "normal"),
    ("Sarabun-Bold.ttf", 700, "normal"),
    ("Sarabun-Italic.ttf", 400, "italic"),
)


def font_dir() -> Path:
    return Path(fontpkg_sarabun.ROOT) / "files"


@cache
def font_face_css() -> str:
    """@font-face rules for WeasyPrint; fails loudly when a font file is missing rather than print in a fallback.
    The rules name the derived copies whose text copies out of the PDF as it was set (sanphalang/thai/pdf_fonts.py)."""
    rules = []
    for file_name, weight, style in FACES:
        path = font_dir() / file_name
        if not path.is_file():
            raise FileNotFoundError(f"Font file missing: {path}. Install the fontpkg-sarabun package.")
        rules.append(
            f'@font-face {{ font-family: "{FAMILY}"; src: url("{pdf_font(path).as_uri()}") format("truetype"); '
            f"font-weight: {weight}; font-style: {style}; }}"
        )
    return "\n".join(rules)
