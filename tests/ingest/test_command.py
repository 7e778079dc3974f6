import json
import os
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

# The reports the product is judged on, and their answers (the benches read them from the same place).
CORPUS = Path(os.environ.get("SANPHALANG_CORPUS", Path(__file__).resolve().parent / "corpus"))
REPORT = CORPUS / "chiangrai-citizens-council-2558.txt"
KEYS = {
    "event_kind",
    "event_date",
    "province",
    "provinces",
    "meeting_number",
    "venue",
    "chair",
    "people",
    "participant_count",
    "organisations",
    "issues",
    "figures",
    "periods",
    "resolutions",
}


def run(*args):
    from io import StringIO

    out = StringIO()
    error = None
    try:
        call_command("ingest", *args, stdout=out, stderr=StringIO())
    except CommandError as raised:
        error = raised
    return json.loads(out.getvalue()) if "--json" in args else out.getvalue(), error


@pytest.mark.django_db
def test_it_prints_the_draft_of_a_corpus_report_as_json():
    expected = json.loads((CORPUS / "expected.json").read_text(encoding="utf-8"))[REPORT.name]
    result, error = run(str(REPORT), "--json")
    assert error is None
    draft = result[str(REPORT)]
    assert set(draft) == KEYS
    assert draft["event_date"] == expected["event_date"]
    assert draft["meeting_number"] == expected["meeting_number"]
    assert draft["chair"]["name"] == expected["chair"]["name"]
    assert expected["venue"] in draft["venue"]
    assert {"value": 50, "unit": "people"} in [{k: f[k] for k in ("value", "unit")} for f in draft["figures"]]


@pytest.mark.django_db
def test_a_bad_file_in_a_batch_reports_its_error_and_the_others_still_print(tmp_path):
    junk = tmp_path / "junk.txt"
    junk.write_bytes(b"\x00\x01\x02" * 100)
    result, error = run(str(junk), str(REPORT), "--json")
    assert result[str(junk)] == {
        "error": {"code": "ingest_binary", "message": result[str(junk)]["error"]["message"]}
    }
    assert "junk.txt" in result[str(junk)]["error"]["message"]
    assert result[str(REPORT)]["province"] == "เชียงราย"
    assert error is not None  # the command exits non-zero


@pytest.mark.django_db
def test_without_json_it_prints_a_summary():
    out, error = run(str(REPORT))
    assert error is None
    assert "3/2558" in out and "รัชกฤช สถิรานนท์" in out


@pytest.mark.django_db
def test_pasted_text_is_read_from_standard_input(monkeypatch):
    from io import StringIO

    monkeypatch.setattr(
        "sys.stdin", StringIO("วันนี้ (26 ส.ค. 62) นายวิบูลย์ รัตนาภรณ์วงศ์ ผู้ว่าราชการจังหวัดชุมพรเป็นประธาน เปิดเวที")
    )
    result, error = run("-", "--json")
    assert error is None
    assert result["-"]["event_date"] == "2019-08-26"
    assert result["-"]["chair"]["name"] == "วิบูลย์ รัตนาภรณ์วงศ์"


@pytest.mark.django_db
def test_an_organisation_of_the_directory_is_found_by_its_abbreviation(tmp_path):
    from model_bakery import baker

    from sanphalang.directory.models import Organisation

    baker.make(
        Organisation, name_th="มูลนิธิรักษ์บ้านเกิดเชียงใหม่", abbreviation="มรบ.", kind="community", area_id="570101"
    )
    report = tmp_path / "report.txt"
    report.write_text("วันที่ 3 มีนาคม 2566 ผู้แทน มรบ. ร่วมประชุมที่จังหวัดเชียงราย", encoding="utf-8")
    result, error = run(str(report), "--json")
    assert error is None
    assert "มูลนิธิรักษ์บ้านเกิดเชียงใหม่" in result[str(report)]["organisations"]
    without, _ = run(str(report), "--json", "--no-directory")
    assert "มูลนิธิรักษ์บ้านเกิดเชียงใหม่" not in without[str(report)]["organisations"]
