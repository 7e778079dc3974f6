"""A plan's projects, targets, targets of areas and progress from Excel: found again by their external ids (a
re-import updates, never duplicates), every bad row reported with its line, column and reason in Thai, all or
nothing unless bad rows are skipped, locked periods refused, through the upload pages, the jobs and the CLI; and
each export imported back changes nothing."""

import datetime as dt
import io
import re

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import translation
from openpyxl import load_workbook

from sanphalang.directory.services import organisation_create
from sanphalang.imports.models import ImportBatch, ImportStatus
from sanphalang.imports.services import import_batch_create, run_import
from sanphalang.imports.tabular import read_table
from sanphalang.jobs.models import JobStatus
from sanphalang.jobs.selectors import job_latest
from sanphalang.plans.errors import PlanError
from sanphalang.plans.models import (
    BudgetLine,
    EntryStatus,
    Indicator,
    Measure,
    ProgressEntry,
    Project,
    TargetSplit,
)
from sanphalang.plans.services.progress import period_approve, progress_approve
from tests.imports.files import csv_bytes, xlsx_bytes
from tests.imports.malformed.corpus import corpus

from .projects_data import PROJECT_NAMES, phayao_plan  # noqa: F401

PROJECT_HEADINGS = [
    "รหัสอ้างอิง",
    "ชื่อโครงการ",
    "พื้นที่",
    "หน่วยงานเจ้าของโครงการ",
    "สถานะ",
    "วันที่เริ่ม",
    "วันที่สิ้นสุด",
    "แหล่งงบประมาณ",
    "งบประมาณ (บาท)",
]
TARGET_HEADINGS = [
    "รหัสอ้างอิง",
    "รหัสอ้างอิงโครงการ",
    "ตัวชี้วัด",
    "หน่วยนับ",
    "ค่าฐาน",
    "ค่าเป้าหมาย",
    "นับสะสม",
    "ตัวชี้วัดร่วม",
]
SPLIT_HEADINGS = ["รหัสอ้างอิงเป้าหมาย", "พื้นที่", "ค่าเป้าหมายของพื้นที่"]
PROGRESS_HEADINGS = ["รหัสอ้างอิงเป้าหมาย", "พื้นที่", "งวด", "ผลการดำเนินงาน", "จากทั้งหมด", "สิ่งที่ดำเนินการ"]
Q1_2565 = dt.date(2021, 10, 1)  # fiscal year 2565 begins on 1 October 2564 BE
Q2_2565 = dt.date(2022, 1, 1)


@pytest.fixture
def codi(cast):
    return organisation_create(
        by=cast.phayao_coordinator, name_th="สำนักงานพัฒนาชุมชนจังหวัดพะเยา", kind="agency", area_code="56"
    )


def run(entity, rows, by, plan, *, make=xlsx_bytes, filename="rows.xlsx", **kwargs):
    with translation.override("th"):
        return run_import(
            entity=entity,
            table=read_table(make(rows), filename),
            by=by,
            plan_id=plan.pk,
            commit=True,
            **kwargs,
        )


def errors_of(result) -> list[tuple[int, str, str]]:
    return [(error.line, error.column, error.message) for error in result.errors]


def housing_projects():
    return [
        PROJECT_HEADINGS,
        [
            "PY-01",
            PROJECT_NAMES[3],
            "5601",
            "สำนักงานพัฒนาชุมชนจังหวัดพะเยา",
            "กำลังดำเนินการ",
            "1/10/2564",
            "30/9/2565",
            "พอช.",
            "๑,๒๓๖,๐๐๐",
        ],
        [
            "PY-01",
            PROJECT_NAMES[3],
            "5601",
            "สำนักงานพัฒนาชุมชนจังหวัดพะเยา",
            "กำลังดำเนินการ",
            "1/10/2564",
            "30/9/2565",
            "อบจ.",
            "200000",
        ],
        ["PY-02", PROJECT_NAMES[0], "", "", "planned", "", "", "", ""],
    ]


def housing_target(cast, plan):
    run("plan_projects", housing_projects(), cast.phayao_coordinator, plan)
    rows = [TARGET_HEADINGS, ["T-01", "PY-01", "ครัวเรือนที่ได้รับการซ่อมบ้าน", "ครัวเรือน", "", "๖๑๘", "ใช่", ""]]
    run("plan_targets", rows, cast.phayao_coordinator, plan)
    return Indicator.objects.get(external_id="T-01")


# ---- projects


def test_a_projects_file_creates_projects_with_owner_status_be_dates_and_budgets(cast, phayao_plan, codi):  # noqa: F811
    # when a file of two projects (one on two lines, a budget source each) is imported
    result = run("plan_projects", housing_projects(), cast.phayao_coordinator, phayao_plan)
    # then both exist, with the Thai status, the BE dates and the Thai digits read
    assert result.written and not result.errors
    housing = Project.objects.get(plan=phayao_plan, external_id="PY-01")
    assert (housing.area_id, housing.owner, housing.status) == ("5601", codi, "running")
    assert (housing.starts_on, housing.ends_on) == (dt.date(2021, 10, 1), dt.date(2022, 9, 30))
    assert dict(housing.budget_lines.values_list("source", "amount")) == {"codi": 1236000, "pao": 200000}
    assert Project.objects.get(external_id="PY-02").area_id == "56"  # no area: the plan's


def test_a_re_import_updates_the_project_by_its_external_id_and_never_duplicates(cast, phayao_plan, codi):  # noqa: F811
    run("plan_projects", housing_projects(), cast.phayao_coordinator, phayao_plan)
    housing = Project.objects.get(external_id="PY-01")
    # when the same file comes again with a new status and another amount
    rows = housing_projects()
    rows[1][4], rows[1][8] = "เสร็จสิ้น", "1,300,000"
    # a project's rows must agree on its details
    result = run("plan_projects", rows, cast.phayao_coordinator, phayao_plan)
    assert errors_of(result)[0][:2] == (3, "ชื่อโครงการ") and not result.written
    rows[2][4] = "เสร็จสิ้น"
    result = run("plan_projects", rows, cast.phayao_coordinator, phayao_plan)
    # then the project is updated on its version, and nothing is added
    assert result.written and Project.objects.count() == 2 and BudgetLine.objects.count() == 2
    updated = Project.objects.get(pk=housing.pk)
    assert updated.status == "done" and updated.version == housing.version + 1
    assert updated.budget_lines.get(source="codi").amount == 1300000


def test_an_empty_external_id_and_bad_cells_are_reported_by_line_and_column_and_nothing_is_written(
    cast,
    phayao_plan,  # noqa: F811
    codi,
):
    rows = [
        PROJECT_HEADINGS,
        ["PY-01", PROJECT_NAMES[3], "5601", "", "", "", "", "", ""],
        ["", PROJECT_NAMES[1], "5601", "", "", "", "", "", ""],
        ["PY-03", PROJECT_NAMES[2], "5701", "ไม่มีหน่วยงานนี้", "ดำเนินไปเรื่อยๆ", "32/13/2564", "", "พอช.", ""],
    ]
    # when the file is imported
    result = run("plan_projects", rows, cast.phayao_coordinator, phayao_plan)
    # then every bad cell is named with its line and heading, in Thai, and nothing is kept
    assert not result.written and not Project.objects.exists()
    found = {(line, column) for line, column, _message in errors_of(result)}
    assert found == {
        (3, "รหัสอ้างอิง"),
        (4, "พื้นที่"),
        (4, "หน่วยงานเจ้าของโครงการ"),
        (4, "สถานะ"),
        (4, "วันที่เริ่ม"),
        (4, "งบประมาณ (บาท)"),
    }
    messages = dict(((line, column), message) for line, column, message in errors_of(result))
    assert all(re.search(r"[\u0e00-\u0e7f]", message) for message in messages.values())
    assert "5701" in messages[(4, "พื้นที่")]


def test_skipping_bad_rows_imports_the_good_ones(cast, phayao_plan):  # noqa: F811
    rows = [PROJECT_HEADINGS, ["PY-01", PROJECT_NAMES[3], "5601"], ["", PROJECT_NAMES[1], "5601"]]
    result = run(
        "plan_projects",
        [row + [""] * (9 - len(row)) for row in rows],
        cast.phayao_coordinator,
        phayao_plan,
        skip_bad_rows=True,
    )
    assert result.written and result.created == 1 and result.bad_rows == 1
    assert list(Project.objects.values_list("external_id", flat=True)) == ["PY-01"]


def test_a_plan_must_be_chosen_and_be_one_the_user_may_change(cast, phayao_plan):  # noqa: F811
    table = read_table(xlsx_bytes([PROJECT_HEADINGS, ["PY-01", PROJECT_NAMES[3]]]), "rows.xlsx")
    with pytest.raises(ValidationError) as missing:
        run_import(entity="plan_projects", table=table, by=cast.phayao_coordinator, commit=True)
    assert "plan" in missing.value.message_dict
    # a Chiang Rai coordinator does not even see Phayao's plan
    with pytest.raises(ValidationError):
        run_import(
            entity="plan_projects",
            table=table,
            by=cast.chiangrai_coordinator,
            commit=True,
            plan_id=phayao_plan.pk,
        )


# ---- targets and their split


def test_targets_are_created_and_updated_by_external_id_with_thai_units(cast, phayao_plan, codi):  # noqa: F811
    indicator = housing_target(cast, phayao_plan)
    assert (indicator.unit, indicator.target, indicator.accumulates) == ("households", 618, True)
    assert indicator.project.external_id == "PY-01"
    Measure.objects.create(slug="housing-repaired", name_th="ครัวเรือนที่ได้รับการซ่อมบ้าน", unit="households")
    rows = [
        TARGET_HEADINGS,
        ["T-01", "PY-01", "ครัวเรือนที่ได้รับการซ่อมบ้าน", "ครัวเรือน", "๑๐", "620", "ไม่ใช่", "housing-repaired"],
    ]
    result = run("plan_targets", rows, cast.phayao_coordinator, phayao_plan)
    assert result.written and Indicator.objects.count() == 1
    updated = Indicator.objects.get()
    assert (updated.baseline, updated.target, updated.accumulates) == (10, 620, False)
    assert updated.measure.slug == "housing-repaired" and updated.version == indicator.version + 1


def test_a_target_of_an_unknown_project_or_measure_is_a_row_error(cast, phayao_plan):  # noqa: F811
    rows = [TARGET_HEADINGS, ["T-09", "PY-99", "ตัวชี้วัด", "โหล", "", "ศูนย์", "บางที", "no-such"]]
    result = run("plan_targets", rows, cast.phayao_coordinator, phayao_plan)
    columns = {column for _line, column, _message in errors_of(result)}
    assert columns == {"รหัสอ้างอิงโครงการ", "ค่าเป้าหมาย", "นับสะสม", "ตัวชี้วัดร่วม"}
    assert not Indicator.objects.exists()


def test_the_split_file_sets_each_areas_part_and_an_empty_part_takes_the_area_out(cast, phayao_plan, codi):  # noqa: F811
    indicator = housing_target(cast, phayao_plan)
    rows = [SPLIT_HEADINGS, ["T-01", "5601", "๙๔"], ["T-01", "ภูกามยาว", "50"], ["T-01", "5701", "1"]]
    result = run("plan_target_splits", rows, cast.phayao_coordinator, phayao_plan)
    assert errors_of(result)[0][:2] == (4, "พื้นที่") and not TargetSplit.objects.exists()
    result = run("plan_target_splits", rows[:3], cast.phayao_coordinator, phayao_plan)
    assert result.written
    assert dict(indicator.splits.values_list("area_id", "target")) == {"5601": 94, "5609": 50}
    run("plan_target_splits", [SPLIT_HEADINGS, ["T-01", "5609", ""]], cast.phayao_coordinator, phayao_plan)
    assert list(indicator.splits.values_list("area_id", flat=True)) == ["5601"]


# ---- progress


def test_progress_is_read_with_quarters_in_thai_english_and_as_be_dates(cast, phayao_plan, codi):  # noqa: F811
    indicator = housing_target(cast, phayao_plan)
    rows = [
        PROGRESS_HEADINGS,
        ["T-01", "5601", "ไตรมาส ๑/๒๕๖๕", "๑๒", "", "ซ่อมแล้ว 12 หลัง"],
        ["T-01", "5602", "Q1/2565", "5", "", ""],
        ["T-01", "5603", "1/1/2565", "7", "", ""],
        ["T-01", "5604", "2022-01-01", "3", "", ""],
    ]
    result = run("plan_progress", rows, cast.phayao_coordinator, phayao_plan)
    assert result.written, errors_of(result)
    entries = {
        (e.area_id, e.period_start): e.value for e in ProgressEntry.objects.filter(indicator=indicator)
    }
    assert entries == {
        ("5601", Q1_2565): 12,
        ("5602", Q1_2565): 5,
        ("5603", Q2_2565): 7,
        ("5604", Q2_2565): 3,
    }
    assert ProgressEntry.objects.get(area_id="5601").note == "ซ่อมแล้ว 12 หลัง"


def test_a_period_outside_the_plan_or_unreadable_is_a_row_error(cast, phayao_plan, codi):  # noqa: F811
    housing_target(cast, phayao_plan)
    rows = [
        PROGRESS_HEADINGS,
        ["T-01", "5601", "ไตรมาส 1/2570", "1", "", ""],
        ["T-01", "5601", "เร็วๆนี้", "1", "", ""],
    ]
    result = run("plan_progress", rows, cast.phayao_coordinator, phayao_plan)
    assert [(line, column) for line, column, _m in errors_of(result)] == [(2, "งวด"), (3, "งวด")]
    assert not ProgressEntry.objects.exists()


def test_a_re_import_corrects_a_waiting_entry_and_refuses_an_approved_or_locked_one(cast, phayao_plan, codi):  # noqa: F811
    indicator = housing_target(cast, phayao_plan)
    rows = [
        PROGRESS_HEADINGS,
        ["T-01", "5601", "ไตรมาส 1/2565", "12", "", ""],
        ["T-01", "5602", "ไตรมาส 2/2565", "4", "", ""],
    ]
    run("plan_progress", rows, cast.phayao_coordinator, phayao_plan)
    waiting = ProgressEntry.objects.get(area_id="5602")
    period_approve(by=cast.phayao_coordinator, plan=phayao_plan, period_start=Q1_2565)
    # when both are changed in the file
    rows[1][3], rows[2][3] = "15", "6"
    result = run("plan_progress", rows, cast.phayao_coordinator, phayao_plan)
    # then the locked period's row is refused with a clear reason, and nothing in the file is written
    assert [(line, column) for line, column, _m in errors_of(result)] == [(2, "งวด")]
    assert result.errors[0].message == PlanError.PERIOD_LOCKED.message()
    assert ProgressEntry.objects.get(pk=waiting.pk).value == 4
    # unless bad rows are skipped: then the waiting entry is corrected and stays one entry
    result = run("plan_progress", rows, cast.phayao_coordinator, phayao_plan, skip_bad_rows=True)
    assert result.written and ProgressEntry.objects.count() == 2
    assert ProgressEntry.objects.get(pk=waiting.pk).value == 6
    # an entry approved on its own, its period open, is refused too
    progress_approve(by=cast.phayao_coordinator, entry=ProgressEntry.objects.get(pk=waiting.pk))
    rows[2][3] = "7"
    result = run("plan_progress", rows[:1] + rows[2:], cast.phayao_coordinator, phayao_plan)
    assert (
        errors_of(result)[0][:2] == (2, "ผลการดำเนินงาน") and indicator.entries.get(area_id="5602").value == 6
    )
    assert indicator.entries.get(area_id="5602").status == EntryStatus.APPROVED


def test_a_district_coordinator_imports_progress_of_their_district_only(cast, client_for):
    from .progress_data import make_indicator, make_plan

    plan = make_plan(cast.chiangrai_coordinator)
    indicator = make_indicator(plan, cast.chiangrai_coordinator, name="ครัวเรือน", target=100, external_id="H")
    rows = [
        PROGRESS_HEADINGS,
        ["H", "570101", "ไตรมาส 1/2568", "3", "", ""],
        ["H", "5709", "ไตรมาส 1/2568", "3", "", ""],
    ]
    result = run("plan_progress", rows, cast.mueang_coordinator, plan)
    assert [(line, column) for line, column, _m in errors_of(result)] == [(3, "พื้นที่")]
    result = run("plan_progress", rows[:2], cast.mueang_coordinator, plan)
    assert result.written and indicator.entries.get().area_id == "570101"
    # but may not import the plan's projects
    with pytest.raises(ValidationError):
        run("plan_projects", [PROJECT_HEADINGS, ["PY-01", PROJECT_NAMES[3]]], cast.mueang_coordinator, plan)


# ---- the round trip


def _exported(client, url) -> list[list]:
    answer = client.get(url)
    assert answer.status_code == 200
    sheet = load_workbook(io.BytesIO(answer.content)).active
    return [[cell if cell is not None else "" for cell in row] for row in sheet.iter_rows(values_only=True)]


def _versions():
    return {
        kind.__name__: dict(kind.objects.values_list("pk", "version"))
        for kind in (Project, BudgetLine, Indicator, TargetSplit, ProgressEntry)
    }


def test_each_export_imports_back_unchanged_and_an_edited_cell_changes_exactly_its_record(
    cast,
    client_for,
    phayao_plan,  # noqa: F811
    codi,
):
    # given a plan with projects, a target split over two districts and progress
    housing_target(cast, phayao_plan)
    by = cast.phayao_coordinator
    run(
        "plan_target_splits",
        [SPLIT_HEADINGS, ["T-01", "5601", "94"], ["T-01", "5602", "52.5"]],
        by,
        phayao_plan,
    )
    progress = [
        PROGRESS_HEADINGS,
        ["T-01", "5601", "Q1/2565", "12", "", "ซ่อม"],
        ["T-01", "5602", "Q2/2565", "4", "", ""],
    ]
    run("plan_progress", progress, by, phayao_plan)
    client = client_for(by)
    files = {
        "plan_projects": _exported(client, f"/plans/{phayao_plan.pk}/projects/?export=xlsx"),
        "plan_targets": _exported(client, f"/plans/{phayao_plan.pk}/indicators/?export=xlsx"),
        "plan_target_splits": _exported(
            client, f"/plans/{phayao_plan.pk}/indicators/?export=xlsx&what=splits"
        ),
        "plan_progress": _exported(client, f"/plans/{phayao_plan.pk}/approvals/?export=xlsx"),
    }
    assert files["plan_projects"][0] == PROJECT_HEADINGS and len(files["plan_projects"]) == 4
    assert files["plan_progress"][0][:6] == PROGRESS_HEADINGS
    before = _versions()
    # when each file is imported back as it is
    for entity, rows in files.items():
        result = run(entity, rows, by, phayao_plan)
        assert result.written and not result.errors, (entity, errors_of(result))
    # then nothing is added and nothing changes
    assert _versions() == before
    # when one cell of each is edited
    files["plan_targets"][1][5] = 700
    files["plan_progress"][2][3] = 5
    for entity in ("plan_targets", "plan_progress"):
        run(entity, files[entity], by, phayao_plan)
    after = _versions()
    # then exactly those records moved on
    moved = {
        kind: {pk for pk, version in versions.items() if before[kind][pk] != version}
        for kind, versions in after.items()
    }
    assert moved == {
        "Project": set(),
        "BudgetLine": set(),
        "Indicator": {Indicator.objects.get().pk},
        "TargetSplit": set(),
        "ProgressEntry": {ProgressEntry.objects.get(area_id="5602").pk},
    }
    assert Indicator.objects.get().target == 700 and ProgressEntry.objects.get(area_id="5602").value == 5


# ---- the pages, the job and the CLI


def test_the_upload_page_takes_the_plan_and_the_confirm_job_imports(cast, client_for, phayao_plan, codi):  # noqa: F811
    client = client_for(cast.phayao_coordinator)
    page = client.get(reverse("imports:index"), {"entity": "plan_projects", "plan": phayao_plan.pk})
    assert page.status_code == 200 and phayao_plan.title in page.content.decode()
    upload = SimpleUploadedFile("projects.xlsx", xlsx_bytes(housing_projects()))
    answer = client.post(
        reverse("imports:index"), {"entity": "plan_projects", "plan": phayao_plan.pk, "file": upload}
    )
    batch = ImportBatch.objects.get()
    assert answer.status_code == 302 and batch.options == {"plan": phayao_plan.pk}
    preview = client.get(reverse("imports:preview", args=[batch.pk]))
    assert phayao_plan.title in preview.content.decode()
    client.post(reverse("imports:confirm", args=[batch.pk]))
    batch.refresh_from_db()
    assert batch.status == ImportStatus.IMPORTED and Project.objects.filter(plan=phayao_plan).count() == 2


def test_the_upload_page_refuses_a_plan_file_without_a_plan(cast, client_for, phayao_plan):  # noqa: F811
    client = client_for(cast.phayao_coordinator)
    upload = SimpleUploadedFile("projects.xlsx", xlsx_bytes(housing_projects()))
    answer = client.post(reverse("imports:index"), {"entity": "plan_projects", "file": upload})
    assert answer.status_code == 400 and answer.context["form"].errors["plan"]
    assert not ImportBatch.objects.exists()


def test_the_command_imports_progress_into_a_plan_and_refuses_a_bad_file(cast, phayao_plan, codi, tmp_path):  # noqa: F811
    housing_target(cast, phayao_plan)
    path = tmp_path / "progress.csv"
    path.write_bytes(csv_bytes([PROGRESS_HEADINGS, ["T-01", "5601", "ไตรมาส ๑/๒๕๖๕", "๑๒", "", ""]]))
    out = io.StringIO()
    call_command("import", "plan_progress", str(path), plan=phayao_plan.pk, user="py_coord", stdout=out)
    assert ProgressEntry.objects.get().value == 12
    path.write_bytes(csv_bytes([PROGRESS_HEADINGS, ["T-01", "5601", "ไตรมาส 9/2565", "1", "", ""]]))
    with translation.override("th"), pytest.raises(CommandError):
        call_command("import", "plan_progress", str(path), plan=phayao_plan.pk, user="py_coord", stdout=out)
    assert "งวด" in out.getvalue() and ProgressEntry.objects.get().value == 12
    with pytest.raises(CommandError):
        call_command("import", "plan_progress", str(path), user="py_coord", stdout=io.StringIO())


def test_the_plan_pages_link_their_exports_and_imports(cast, client_for, phayao_plan):  # noqa: F811
    client = client_for(cast.phayao_coordinator)
    targets = client.get(f"/plans/{phayao_plan.pk}/indicators/").content.decode()
    assert "export=xlsx&amp;what=splits" in targets and "entity=plan_target_splits" in targets
    approvals = client.get(f"/plans/{phayao_plan.pk}/approvals/").content.decode()
    assert "?export=xlsx" in approvals and "entity=plan_progress" in approvals
    projects = client.get(f"/plans/{phayao_plan.pk}/projects/").content.decode()
    assert "entity=plan_projects" in projects


@pytest.mark.parametrize("entity", ["plan_projects", "plan_progress"])
def test_malformed_files_of_a_plan_are_refused_in_thai_or_checked_without_a_server_error(
    cast,
    phayao_plan,  # noqa: F811
    entity,
):
    thai = re.compile(r"[\u0e00-\u0e7f]")
    for case, (filename, data) in sorted(corpus().items()):
        with translation.override("th"):
            try:
                batch = import_batch_create(
                    by=cast.phayao_coordinator,
                    entity=entity,
                    filename=filename,
                    data=data,
                    plan_id=phayao_plan.pk,
                )
            except ValidationError as error:
                assert all(thai.search(message) for message in error.messages), (case, error.messages)
                continue
        job = job_latest(user=cast.phayao_coordinator, kind="import.preview", batch=batch.pk)
        assert job.status == JobStatus.DONE, (case, job.failure)
