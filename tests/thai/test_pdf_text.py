"""The Thai text of our PDFs copies out as it was set, and the derived fonts print exactly as Sarabun does."""

import hashlib
import re
import shutil
import subprocess
from io import BytesIO, StringIO

import pytest
from fontTools.ttLib import TTFont
from pdfminer.high_level import extract_text, extract_text_to_fp
from PIL import Image, ImageChops
from weasyprint import CSS, HTML
from weasyprint.text.fonts import FontConfiguration

from sanphalang.meetings.documents.fonts import FACES, FAMILY, font_dir, font_face_css
from sanphalang.thai import pdf_fonts

PDFTOTEXT = shutil.which("pdftotext")
PDFTOPPM = shutil.which("pdftoppm")
assert PDFTOTEXT and PDFTOPPM, "poppler-utils is installed by run.sh test"

SARA_AM_WORDS = "ทำ จำนวน น้ำ ค่ำ ต่ำ ดำเนินงาน กำหนด งาน นาน"
# ำ with and without tone marks next to า; tall consonants with upper vowels and tones; ฤ and ฤๅ; ญ and ฐ that
# lose their tails over lower vowels; Thai and Arabic digits; ๆ; bold and italic runs.
PARAGRAPH = (
    f"{SARA_AM_WORDS} ป้ำ "
    "ปั้น ฝั่ง ฟื้น ป่า ฝ้าย ฟ้า ปู่ "
    "ฤดู ฤๅษี อังกฤษ "
    "กตัญญู ญี่ปุ่น ฐุ ฐานะ "
    "๑๒๓/๒๕๖๘ 456.50 ต่างๆ "
    "<b>สำนักงานพัฒนาสังคม ผู้ใหญ่บ้าน น้ำท่วม</b> และ "
    "<i>คำสั่ง ที่นี่ ซ้ำซ้อน</i>"
)
# Extractors guess word and line breaks from glyph positions and break at a tone mark the font nudges sideways or
# stacks on a vowel (ปั้น, ที่), both zero width: layout, not text. The comparison ignores whitespace next to a mark.
COMBINING_MARKS = "\u0e31\u0e34-\u0e3a\u0e47-\u0e4e"


def _plain(html: str) -> str:
    return re.sub(r"<[^>]+>", "", html)


def _comparable(text: str) -> str:
    """Whitespace collapsed, and none next to a Thai combining mark, on both sides of a comparison."""
    text = re.sub(rf"\s*([{COMBINING_MARKS}])\s*", r"\1", text)
    return re.sub(r"\s+", " ", text).strip()


def _pdf(html: str, font_css: str) -> bytes:
    font_config = FontConfiguration()
    stylesheets = [
        CSS(string=font_css, font_config=font_config),
        # One line: text drawn in order carries no space where a line wraps, so a second line would join two words.
        CSS(
            string=f"@page {{ size: 520mm 30mm; margin: 5mm }} p {{ font-family: {FAMILY}; font-size: 12pt }}"
        ),
    ]
    return HTML(string=f"<p>{html}</p>").write_pdf(stylesheets=stylesheets, font_config=font_config)


def _original_font_css() -> str:
    return "\n".join(
        f'@font-face {{ font-family: "{FAMILY}"; src: url("{(font_dir() / name).as_uri()}"); '
        f"font-weight: {weight}; font-style: {style}; }}"
        for name, weight, style in FACES
    )


def _pdftotext(tmp_path, content: bytes) -> str:
    (tmp_path / "text.pdf").write_bytes(content)
    result = subprocess.run(
        [PDFTOTEXT, "-raw", "-enc", "UTF-8", str(tmp_path / "text.pdf"), "-"], check=True, capture_output=True
    )
    return result.stdout.decode()


def _pdfminer_in_drawing_order(content: bytes) -> str:
    """pdfminer without its layout analysis, which cuts a line between two zero-width marks (ที่) and then sorts
    the pieces as boxes: the text layer itself, in the order it was drawn."""
    out = StringIO()
    extract_text_to_fp(BytesIO(content), out, laparams=None)
    return out.getvalue()


def _page_image(tmp_path, content: bytes, name: str) -> Image.Image:
    (tmp_path / f"{name}.pdf").write_bytes(content)
    subprocess.run(
        [PDFTOPPM, "-png", "-r", "150", "-singlefile", str(tmp_path / f"{name}.pdf"), str(tmp_path / name)],
        check=True,
    )
    return Image.open(tmp_path / f"{name}.png").convert("L")


@pytest.fixture(scope="module")
def paragraph_pdf() -> bytes:
    return _pdf(PARAGRAPH, font_face_css())


def test_sara_am_copies_out_as_sara_am_with_and_without_tone_marks(tmp_path):
    content = _pdf(SARA_AM_WORDS, font_face_css())

    assert _pdftotext(tmp_path, content).split() == SARA_AM_WORDS.split()
    assert extract_text(BytesIO(content)).split() == SARA_AM_WORDS.split()


def test_the_paragraph_reads_back_with_pdftotext_but_for_breaks_at_marks(tmp_path, paragraph_pdf):
    assert _comparable(_pdftotext(tmp_path, paragraph_pdf)) == _comparable(_plain(PARAGRAPH))


def test_the_paragraph_reads_back_exactly_in_drawing_order_with_pdfminer(paragraph_pdf):
    assert " ".join(_pdfminer_in_drawing_order(paragraph_pdf).split()) == _plain(PARAGRAPH)


def test_the_original_font_got_sara_am_wrong():
    # the regression the derived fonts cure: with Sarabun itself, า and ำ share one glyph and one text (read glyph by
    # glyph: the line's ActualText would hide it from pdftotext)
    text = _pdfminer_in_drawing_order(_pdf(SARA_AM_WORDS, _original_font_css())).split()

    assert text != SARA_AM_WORDS.split()


def test_the_derived_fonts_print_the_paragraph_exactly_as_sarabun_does(tmp_path, paragraph_pdf):
    derived = _page_image(tmp_path, paragraph_pdf, "derived")
    original = _page_image(tmp_path, _pdf(PARAGRAPH, _original_font_css()), "original")

    assert derived.size == original.size
    assert ImageChops.difference(derived, original).getbbox() is None
    assert ImageChops.invert(derived).getbbox() is not None  # the page is not blank


def test_each_face_is_derived_once_deterministically_and_renamed(tmp_path, settings):
    settings.DATA_DIR = tmp_path
    pdf_fonts.pdf_font.cache_clear()
    try:
        paths = [pdf_fonts.pdf_font(font_dir() / name) for name, _, _ in FACES]
        first = [hashlib.sha256(path.read_bytes()).digest() for path in paths]
        written = [path.stat().st_mtime_ns for path in paths]
        pdf_fonts.pdf_font.cache_clear()
        kept = [pdf_fonts.pdf_font(font_dir() / name).stat().st_mtime_ns for name, _, _ in FACES]
        for path in paths:
            path.unlink()
        pdf_fonts.pdf_font.cache_clear()
        again = [
            hashlib.sha256(pdf_fonts.pdf_font(font_dir() / name).read_bytes()).digest()
            for name, _, _ in FACES
        ]
    finally:
        pdf_fonts.pdf_font.cache_clear()

    assert first == again
    assert all(path.parent == tmp_path / "cache" / "fonts" for path in paths)
    assert kept == written  # derived once per data directory: a new process reuses the file
    font = TTFont(paths[0])
    assert font["name"].getDebugName(1) == "Sarabun Text"
    assert font["name"].getDebugName(6) == "SarabunText-Regular"
    assert "Copyright" in font["name"].getDebugName(0) and "Open Font License" in font["name"].getDebugName(
        13
    )
    assert "uni0E32.am" in font.getGlyphOrder() and "uni0E32.am" not in font.getBestCmap().values()
    assert font["hmtx"]["uni0E32.am"] == font["hmtx"]["uni0E32"]


def test_the_text_map_follows_the_fonts_substitutions():
    font = TTFont(pdf_fonts.pdf_font(font_dir() / "Sarabun-Regular.ttf"))
    glyph_ids = font.getReverseGlyphMap()
    texts = pdf_fonts.glyph_texts(font)

    def text_of(glyph: str) -> str:
        return texts[glyph_ids[glyph]]

    assert text_of("uni0E32") == "า" and text_of("uni0E32.am") == "ำ"
    assert text_of("uni0E4D") == text_of("uni0E4D.narrow") == "\u0e4d"  # NIKHAHIT by itself
    assert text_of("uni0E4D.am") == text_of("uni0E4D.narrow.am") == ""  # the NIKHAHIT of ำ
    assert text_of("uni0E4D0E49") == "\u0e49"  # NIKHAHIT + MAI THO as one glyph, inside น้ำ
    assert text_of("uni0E49.small") == text_of("uni0E49.narrow") == "\u0e49"
    assert text_of("yoYingthai.less") == "ญ" and text_of("uni0E240E45") == "ฤๅ"
    assert glyph_ids["A"] not in texts  # Latin keeps WeasyPrint's own mapping
