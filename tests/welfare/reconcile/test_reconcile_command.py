"""`sanphalang welfare reconcile`: linking files of fund records from the command line."""

import csv
import json

import pytest
from django.core.management import CommandError, call_command

from sanphalang.demo.fund_sources import generate_sources
from sanphalang.imports.tabular import write_table
from sanphalang.welfare.management.commands.welfare import reconcile

HEADINGS = ["ชื่อกองทุน", "ตำบล", "อำเภอ", "จังหวัด", "ที่ตั้ง", "จำนวนสมาชิก", "สถานะ", "รหัสกองทุน"]


def _write_sources(tmp_path, n_funds=40):
    sources, _truth = generate_sources(n_funds, seed=3)
    paths = {}
    for name, records in sources.items():
        rows = [
            [
                r.fund_name,
                r.tambon,
                r.district,
                r.province,
                r.location,
                "" if r.members is None else str(r.members),
                r.status,
                r.fund_code,
            ]
            for r in records
        ]
        path = tmp_path / f"{name}.csv"
        path.write_bytes(write_table(HEADINGS, rows, fmt="csv"))
        paths[name] = path
    return sources, paths


def _links(path):
    with path.open(encoding="utf-8-sig") as handle:
        return list(csv.DictReader(handle))


def test_it_writes_a_cluster_for_every_input_record(tmp_path, capsys):
    # given three sources with Thai headings, one of them mapped explicitly
    sources, paths = _write_sources(tmp_path)
    mapping = tmp_path / "survey.json"
    mapping.write_text(
        json.dumps({"fund_name": "ชื่อกองทุน", "location": "ที่ตั้ง", "members": "จำนวนสมาชิก"}), encoding="utf-8"
    )
    out = tmp_path / "links.csv"
    # when reconciled
    call_command(
        "welfare",
        "reconcile",
        "--source",
        f"program={paths['program']}",
        "--source",
        f"matching={paths['matching']}",
        "--source",
        f"survey={paths['survey']}:{mapping}",
        "--out",
        str(out),
    )
    # then every record has a row, and the summary is printed
    rows = _links(out)
    assert list(rows[0]) == ["source", "row", "cluster"]
    assert {(r["source"], int(r["row"])) for r in rows} == {
        (name, record.row) for name, records in sources.items() for record in records
    }
    assert all(r["cluster"] for r in rows)
    assert "found in all sources" in capsys.readouterr().out


def test_it_explains_a_file_without_a_fund_name_column(tmp_path):
    path = tmp_path / "odd.csv"
    path.write_bytes(write_table(["ลำดับ", "หมายเหตุ"], [["1", "x"]], fmt="csv"))
    with pytest.raises(CommandError, match="odd.*ชื่อกองทุน.*--source odd=FILE:MAPPING.json"):
        reconcile([f"odd={path}"], tmp_path / "links.csv")


def test_it_explains_a_mapping_that_no_longer_fits(tmp_path):
    _sources, paths = _write_sources(tmp_path, n_funds=5)
    mapping = tmp_path / "old.json"
    mapping.write_text(json.dumps({"fund_name": "Fund name"}), encoding="utf-8")
    with pytest.raises(CommandError, match="program.*“Fund name”"):
        reconcile([f"program={paths['program']}:{mapping}"], tmp_path / "links.csv")


def test_the_summary_counts_a_status_disagreement_by_its_meaning(tmp_path):
    # given two sources that write one fund's status in different words, and another's that truly differ
    headings = ["ชื่อกองทุน", "ตำบล", "อำเภอ", "จังหวัด", "สถานะ"]
    first = [
        ["กองทุนสวัสดิการชุมชนตำบลแม่ยาว", "แม่ยาว", "เมืองเชียงราย", "เชียงราย", "ดำเนินการ"],
        ["กองทุนสวัสดิการชุมชนตำบลริมกก", "ริมกก", "เมืองเชียงราย", "เชียงราย", "ดำเนินการ"],
    ]
    second = [
        ["กองทุนสวัสดิการ ต.แม่ยาว", "แม่ยาว", "เมืองเชียงราย", "เชียงราย", "ดำเนินงานปกติ"],
        ["กองทุนสวัสดิการ ต.ริมกก", "ริมกก", "เมืองเชียงราย", "เชียงราย", "หยุดดำเนินการ"],
    ]
    paths = []
    for name, rows in (("a", first), ("b", second)):
        path = tmp_path / f"{name}.csv"
        path.write_bytes(write_table(headings, rows, fmt="csv"))
        paths.append(f"{name}={path}")
    # when reconciled, then only Rim Kok's status disagrees
    summary = reconcile(paths, tmp_path / "links.csv")
    assert summary["disagreements"]["status"] == 1
