import io

import pytest

from sanphalang.ingest.errors import IngestError, IngestProblem
from sanphalang.ingest.reading import read_bytes, read_file, read_text

REPORT = "วันที่ 14 พฤษภาคม 2562 นางสาวรัชนี ตรัยตรึงศ์โกศล พัฒนาสังคมและความมั่นคงของมนุษย์จังหวัดเชียงราย"


def problem_of(call, *args, **kwargs):
    with pytest.raises(IngestError) as raised:
        call(*args, **kwargs)
    return raised.value.problem


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp874", "tis-620", "utf-16"])
def test_a_text_file_is_read_in_any_common_encoding(tmp_path, encoding):
    path = tmp_path / "report.txt"
    path.write_bytes(REPORT.encode(encoding))
    assert read_file(path) == REPORT


def test_a_word_document_is_read(tmp_path):
    import docx

    document = docx.Document()
    document.add_paragraph(REPORT)
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "ผู้เข้าร่วม"
    table.cell(0, 1).text = "๕๐ คน"
    path = tmp_path / "report.docx"
    document.save(path)
    text = read_file(path)
    assert REPORT in text
    assert "ผู้เข้าร่วม ๕๐ คน" in text


def test_a_text_pdf_is_read():
    from sanphalang.meetings.documents.pdf import html_to_pdf

    pdf = html_to_pdf(f"<html><body><p>{REPORT}</p></body></html>")
    text = read_bytes(pdf, name="report.pdf")
    assert "พฤษภาคม" in text
    assert "ตรัยตรึงศ์โกศล" in text


def test_a_pdf_of_only_an_image_needs_ocr():
    import base64

    from PIL import Image

    from sanphalang.meetings.documents.pdf import html_to_pdf

    image = io.BytesIO()
    Image.new("RGB", (200, 80), "gray").save(image, format="PNG")
    source = "data:image/png;base64," + base64.b64encode(image.getvalue()).decode()
    pdf = html_to_pdf(f'<html><body><img src="{source}"></body></html>')
    assert problem_of(read_bytes, pdf, name="scan.pdf") is IngestProblem.NEEDS_OCR


def test_empty_text_and_an_empty_file_are_refused(tmp_path):
    assert problem_of(read_text, "  \n ") is IngestProblem.EMPTY
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    assert problem_of(read_file, path) is IngestProblem.EMPTY


def test_binary_junk_is_refused(tmp_path):
    path = tmp_path / "junk.txt"
    path.write_bytes(bytes(range(256)) * 20)
    assert problem_of(read_file, path) is IngestProblem.BINARY


def test_a_damaged_pdf_or_word_file_is_refused():
    assert problem_of(read_bytes, b"%PDF-1.4 cut short", name="a.pdf") in (
        IngestProblem.DAMAGED,
        IngestProblem.NEEDS_OCR,
    )
    assert problem_of(read_bytes, b"PK\x03\x04 not a zip", name="a.docx") is IngestProblem.DAMAGED
    assert problem_of(read_bytes, b"plain words", name="a.pdf") is IngestProblem.DAMAGED


def test_another_language_is_refused():
    text = "The provincial citizens' council met on 20 July 2015 at the provincial hall. " * 5 + "ประชุม"
    assert problem_of(read_text, text) is IngestProblem.NOT_THAI


def test_a_file_over_the_limit_is_refused_without_being_read(tmp_path, monkeypatch):
    path = tmp_path / "big.txt"
    with path.open("wb") as file:
        file.truncate(50 * 1024 * 1024)  # a sparse 50 MB file
    monkeypatch.setattr("pathlib.Path.read_bytes", lambda self: pytest.fail("the file was read"))
    error = pytest.raises(IngestError, read_file, path).value
    assert error.problem is IngestProblem.TOO_LARGE
    assert "50" in error.message() and "20" in error.message()


def test_a_file_of_another_kind_or_missing_is_refused(tmp_path):
    path = tmp_path / "sheet.xlsx"
    path.write_bytes(b"PK\x03\x04whatever")
    assert problem_of(read_file, path) is IngestProblem.UNSUPPORTED
    assert problem_of(read_file, tmp_path / "nothing.txt") is IngestProblem.NOT_FOUND


def test_the_messages_are_in_thai():
    from django.utils import translation

    with translation.override("th"):
        message = IngestError(IngestProblem.NEEDS_OCR, name="scan.pdf").message()
    assert message == "scan.pdf ไม่มีชั้นข้อความ (เป็น PDF ที่สแกนมา) ต้องแปลงภาพเป็นข้อความ (OCR) ก่อน"
