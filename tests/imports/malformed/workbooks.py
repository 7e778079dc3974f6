"""Hostile XLSX files built in memory: stray far cells, lying dimensions, zip bombs, XML entity bombs."""

import io
import re
import zipfile

from openpyxl import Workbook

SHEET = "xl/worksheets/sheet1.xml"


def workbook_bytes(cells: dict[str, object]) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    for coordinate, value in cells.items():
        sheet[coordinate] = value
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


TABLE = {"A1": "ชื่อองค์กร", "B1": "รหัสพื้นที่", "A2": "กลุ่มออมทรัพย์บ้านป่าซาง", "B2": "570101"}


def stray_cell(coordinate: str) -> bytes:
    """A small table in A1:B2 and one more cell far away (its <dimension> says so)."""
    return workbook_bytes({**TABLE, coordinate: "x"})


def rewrite_part(data: bytes, part: str, change) -> bytes:
    """The same workbook with one of its XML parts changed by change(text) -> text."""
    source, buffer = zipfile.ZipFile(io.BytesIO(data)), io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for entry in source.infolist():
            content = source.read(entry.filename)
            if entry.filename == part:
                content = change(content.decode("utf-8")).encode("utf-8")
            target.writestr(entry.filename, content)
    return buffer.getvalue()


def lying_dimension(coordinate: str, declared: str | None) -> bytes:
    """A stray cell at coordinate while the sheet declares `declared` (or no dimension at all)."""
    replacement = f'<dimension ref="{declared}"/>' if declared else ""
    return rewrite_part(
        stray_cell(coordinate), SHEET, lambda text: re.sub(r"<dimension [^>]*/>", replacement, text)
    )


def zip_bomb(unpacked_bytes: int) -> bytes:
    """A valid workbook plus one entry that inflates to unpacked_bytes of zeros."""
    buffer = io.BytesIO(stray_cell("C3"))
    with zipfile.ZipFile(buffer, "a", zipfile.ZIP_DEFLATED) as archive:
        with archive.open("xl/media/padding.bin", "w", force_zip64=True) as entry:
            chunk = b"\0" * (1024 * 1024)
            for _ in range(unpacked_bytes // len(chunk)):
                entry.write(chunk)
    return buffer.getvalue()


def many_entries(count: int) -> bytes:
    buffer = io.BytesIO(stray_cell("C3"))
    with zipfile.ZipFile(buffer, "a", zipfile.ZIP_STORED) as archive:
        for index in range(count):
            archive.writestr(f"xl/media/{index}.bin", b"")
    return buffer.getvalue()


LAUGHS = (
    '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    + "".join(
        f'<!ENTITY lol{n} "{("&lol" + (str(n - 1) if n > 1 else "") + ";") * 10}">' for n in range(1, 10)
    )
    + "]>"
)


def billion_laughs(part: str = SHEET) -> bytes:
    """The part's XML behind a DOCTYPE whose entities expand to a billion "lol"s, one used in a cell."""

    def change(text: str) -> str:
        body = re.sub(r"^<\?xml[^>]*\?>", "", text)
        if part == SHEET:
            body = body.replace("<v>", "<v>&lol9;", 1) if "<v>" in body else body
        return LAUGHS + body

    return rewrite_part(stray_cell("C3"), part, change)
