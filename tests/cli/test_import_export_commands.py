"""sanphalang import and export: the web import's framework from the command line, and scoped exports."""

import csv
import io

import pytest
from django.core.management import CommandError, call_command
from django.utils import translation

from sanphalang.accounts.models import AccessLog
from sanphalang.directory.models import Organisation, Person
from sanphalang.directory.services import organisation_create, person_create
from sanphalang.imports.tabular import read_table
from tests.imports.files import GOOD_ORGANISATIONS, ORGANISATION_HEADINGS_TH, csv_bytes, xlsx_bytes


def command(*args, **options):
    out = io.StringIO()
    with translation.override("en"):
        call_command(*args, stdout=out, stderr=io.StringIO(), **options)
    return out.getvalue()


def test_import_writes_a_valid_file(cast, tmp_path):
    path = tmp_path / "orgs.xlsx"
    path.write_bytes(xlsx_bytes([ORGANISATION_HEADINGS_TH, *GOOD_ORGANISATIONS]))
    out = command("import", "organisations", str(path), user="cr_coord")
    assert "Imported 3 records" in out
    assert Organisation.objects.count() == 3


def test_import_prints_each_bad_row_and_fails_without_writing(cast, tmp_path):
    path = tmp_path / "orgs.csv"
    path.write_bytes(
        csv_bytes(
            [ORGANISATION_HEADINGS_TH, GOOD_ORGANISATIONS[0], ["กลุ่มแม่สาย", "", "องค์กรชุมชน", "570901", "", ""]]
        )
    )
    out = io.StringIO()
    with translation.override("en"), pytest.raises(CommandError) as raised:
        call_command("import", "organisations", str(path), user="mueang_coord", stdout=out)
    assert raised.value.returncode == 1
    assert (
        "line 3, column รหัสพื้นที่: You can only change records in the areas you are assigned to."
        in out.getvalue()
    )
    assert not Organisation.objects.exists()


def test_import_skips_bad_rows_when_asked(cast, tmp_path):
    path = tmp_path / "orgs.csv"
    path.write_bytes(
        csv_bytes(
            [ORGANISATION_HEADINGS_TH, GOOD_ORGANISATIONS[0], ["กลุ่มแม่สาย", "", "องค์กรชุมชน", "570901", "", ""]]
        )
    )
    out = command("import", "organisations", str(path), user="mueang_coord", skip_bad_rows=True)
    assert "line 3" in out and "Imported 1 record;" in out
    assert Organisation.objects.count() == 1


def test_a_dry_run_writes_nothing(cast, tmp_path):
    path = tmp_path / "orgs.csv"
    path.write_bytes(csv_bytes([ORGANISATION_HEADINGS_TH, *GOOD_ORGANISATIONS]))
    out = command("import", "organisations", str(path), dry_run=True)
    assert "3 good, 0 with errors" in out
    assert not Organisation.objects.exists()


def test_import_of_a_damaged_file_is_one_clear_error(cast, tmp_path):
    path = tmp_path / "orgs.xlsx"
    path.write_bytes(b"PK\x03\x04 not really a workbook")
    with pytest.raises(CommandError, match="Excel"), translation.override("en"):
        call_command("import", "organisations", str(path))


def test_import_as_an_unknown_user_is_refused(cast, tmp_path):
    path = tmp_path / "orgs.csv"
    path.write_bytes(csv_bytes([ORGANISATION_HEADINGS_TH, *GOOD_ORGANISATIONS]))
    with pytest.raises(CommandError, match="nobody-here"):
        call_command("import", "organisations", str(path), user="nobody-here")


@pytest.fixture
def directory(cast):
    network = organisation_create(
        by=cast.admin,
        name_th="เครือข่ายเชียงราย",
        kind="network",
        area_code="57",
        issue_areas=["community-welfare"],
    )
    organisation_create(by=cast.admin, name_th="กลุ่มแม่สาย", kind="community_organisation", area_code="570901")
    organisation_create(by=cast.admin, name_th="กลุ่มพะเยา", kind="community_organisation", area_code="5601")
    person_create(by=cast.admin, first_name="รัชนี", last_name="ดีงาม", area_code="570101")
    person_create(by=cast.admin, first_name="สมศรี", last_name="แม่สาย", area_code="570901")
    return network


def _csv_rows(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text)))


def test_export_of_everything_without_a_user(directory):
    rows = _csv_rows(command("export", "organisations"))
    assert rows[0][0] == "ชื่อองค์กร"
    assert {row[0] for row in rows[1:]} == {"เครือข่ายเชียงราย", "กลุ่มแม่สาย", "กลุ่มพะเยา"}


def test_export_is_scoped_to_the_users_areas(directory):
    rows = _csv_rows(command("export", "organisations", user="mueang_coord"))
    # the district's own organisations, and those of the province above it; not Mae Sai's, not Phayao's
    assert {row[0] for row in rows[1:]} == {"เครือข่ายเชียงราย"}
    people = _csv_rows(command("export", "people", user="mueang_coord"))
    assert [row[1] for row in people[1:]] == ["รัชนี"]


def test_an_export_of_people_is_logged(directory):
    command("export", "people", user="cr_coord")
    logged = AccessLog.objects.filter(action="export", channel="cli")
    assert logged.count() == Person.objects.count() == 2


@pytest.mark.parametrize("entity", ["areas", "villages"])
def test_export_of_areas_and_villages_to_xlsx(directory, tmp_path, entity, cast):
    from sanphalang.areas.services import village_create

    village_create(by=cast.admin, subdistrict_code="570101", moo=3, name_th="บ้านป่าซาง")
    path = tmp_path / f"{entity}.xlsx"
    command("export", entity, output=str(path), user="mueang_coord")
    table = read_table(path.read_bytes(), path.name)
    codes = [row[0] for _line, row in table.rows]
    if entity == "areas":
        assert "5701" in codes and "570101" in codes and "5709" not in codes
    else:
        assert codes == ["570101"]


def test_an_exported_file_imports_again(directory, tmp_path, cast):
    path = tmp_path / "orgs.csv"
    command("export", "organisations", output=str(path), user="cr_coord")
    Organisation.objects.filter(area__code__startswith="57").delete()
    out = command("import", "organisations", str(path), user="cr_coord")
    assert "Imported 2 records" in out
    assert Organisation.objects.get(name_th="เครือข่ายเชียงราย").issue_areas.get().slug == "community-welfare"
