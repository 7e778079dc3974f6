"""The lists of bodies and meetings export to Excel and CSV, like the directory's lists: the whole filtered list,
within the user's areas, in a fixed number of queries."""

import csv
import datetime as dt
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from sanphalang.directory.services import person_create
from sanphalang.meetings.services.bodies import body_create
from sanphalang.meetings.services.meetings import attendance_record, meeting_create
from sanphalang.meetings.views.meetings import EXPORT_COLUMNS as MEETING_COLUMNS

BOM = "\ufeff".encode()


def _csv(response) -> list[list[str]]:
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert response.content.startswith(BOM)
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


def _xlsx(response) -> list[tuple]:
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    return list(load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True))


@pytest.fixture
def bodies(cast):
    """A council in Chiang Rai, a working group in Mueang, one in Mae Sai, and Phayao's council."""
    council = body_create(
        by=cast.chiangrai_coordinator, name_th="สภาพลเมืองจังหวัดเชียงราย", area_code="57", kind="council"
    )
    mueang = body_create(
        by=cast.chiangrai_coordinator,
        name_th="คณะทำงานที่อยู่อาศัยอำเภอเมือง",
        area_code="5701",
        kind="working_group",
        parent=council,
    )
    maesai = body_create(
        by=cast.chiangrai_coordinator,
        name_th="คณะทำงานสวัสดิการอำเภอแม่สาย",
        area_code="5709",
        kind="working_group",
    )
    phayao = body_create(
        by=cast.phayao_coordinator, name_th="สภาพลเมืองจังหวัดพะเยา", area_code="56", kind="council"
    )
    return {"council": council, "mueang": mueang, "maesai": maesai, "phayao": phayao}


class TestBodyExport:
    def test_the_provincial_coordinator_exports_chiang_rai_and_not_phayao_as_csv(
        self, cast, client_for, bodies, settings
    ):
        settings.LIST_PAGE_SIZE = 2  # the export is the whole list, not one page
        rows = _csv(
            client_for(cast.chiangrai_coordinator).get(reverse("meetings:body_list"), {"export": "csv"})
        )
        names = sorted(row[0] for row in rows[1:])
        assert names == sorted(
            ["สภาพลเมืองจังหวัดเชียงราย", "คณะทำงานที่อยู่อาศัยอำเภอเมือง", "คณะทำงานสวัสดิการอำเภอแม่สาย"]
        )
        assert {row[3] for row in rows[1:]} == {"57", "5701", "5709"}
        mueang = next(row for row in rows if row[0] == "คณะทำงานที่อยู่อาศัยอำเภอเมือง")
        assert mueang[5] == "สภาพลเมืองจังหวัดเชียงราย"  # part of
        assert "เชียงราย" in mueang[4]  # the area with the province above it

    def test_the_district_coordinator_gets_their_district_and_the_province_above_not_the_next_district(
        self, cast, client_for, bodies
    ):
        rows = _xlsx(
            client_for(cast.mueang_coordinator).get(reverse("meetings:body_list"), {"export": "xlsx"})
        )
        assert sorted(row[0] for row in rows[1:]) == sorted(
            ["สภาพลเมืองจังหวัดเชียงราย", "คณะทำงานที่อยู่อาศัยอำเภอเมือง"]
        )

    def test_the_filters_of_the_list_apply_to_the_export(self, cast, client_for, bodies):
        rows = _xlsx(
            client_for(cast.chiangrai_coordinator).get(
                reverse("meetings:body_list"), {"kind": "working_group", "q": "แม่สาย", "export": "xlsx"}
            )
        )
        assert [row[0] for row in rows[1:]] == ["คณะทำงานสวัสดิการอำเภอแม่สาย"]

    def test_the_outsider_exports_only_phayao(self, cast, client_for, bodies):
        rows = _csv(client_for(cast.phayao_coordinator).get(reverse("meetings:body_list"), {"export": "csv"}))
        assert [row[0] for row in rows[1:]] == ["สภาพลเมืองจังหวัดพะเยา"]

    def test_the_list_page_links_both_exports(self, cast, client_for, bodies):
        html = (
            client_for(cast.chiangrai_viewer).get(reverse("meetings:body_list"), {"kind": "council"}).content
        )
        assert b"export=xlsx" in html and b"export=csv" in html

    def test_the_export_runs_a_fixed_number_of_queries(
        self, cast, client_for, bodies, django_assert_max_num_queries
    ):
        client = client_for(cast.chiangrai_coordinator)
        with django_assert_max_num_queries(12) as few:
            client.get(reverse("meetings:body_list"), {"export": "xlsx"})
        for n in range(20):
            body_create(
                by=cast.chiangrai_coordinator,
                name_th=f"คณะทำงาน {n}",
                area_code="570101",
                kind="working_group",
                parent=bodies["council"],
            )
        with django_assert_max_num_queries(len(few.captured_queries)):
            rows = _xlsx(client.get(reverse("meetings:body_list"), {"export": "xlsx"}))
        assert len(rows) == 1 + 3 + 20


@pytest.fixture
def meetings(cast, bodies):
    by = cast.chiangrai_coordinator
    chair = person_create(
        by=by, title="นาย", first_name="รัชกฤช", last_name="สถิรานนท์", area_code="57", legal_basis="public_role"
    )
    s1 = meeting_create(
        by=by,
        body=bodies["council"],
        held_on=dt.date(2015, 7, 20),
        number=3,
        chair=chair,
        venue="ศาลากลางจังหวัดเชียงราย",
        head_count=50,
    )
    attendance_record(by=by, meeting=s1, person=chair)
    meeting_create(by=by, body=bodies["council"], held_on=dt.date(2016, 2, 1))
    meeting_create(by=by, body=bodies["maesai"], held_on=dt.date(2015, 9, 1))
    meeting_create(by=cast.phayao_coordinator, body=bodies["phayao"], held_on=dt.date(2015, 7, 21))
    return s1


class TestMeetingExport:
    def test_the_coordinator_exports_the_meetings_of_chiang_rai_as_csv_with_a_bom(
        self, cast, client_for, meetings
    ):
        rows = _csv(
            client_for(cast.chiangrai_coordinator).get(reverse("meetings:meeting_list"), {"export": "csv"})
        )
        body_names = [row[2] for row in rows[1:]]
        assert "สภาพลเมืองจังหวัดพะเยา" not in body_names
        assert len(body_names) == 3
        s1 = next(row for row in rows if row[1] == "3/2558")
        assert s1[0] == "2015-07-20"
        assert s1[_column("chair")] == "นายรัชกฤช สถิรานนท์"
        assert s1[_column("area_code")] == "57"
        assert s1[-2:] == ["50", "1"]  # participants, and those recorded by name

    def test_the_year_filter_applies_and_the_district_coordinator_sees_no_other_district(
        self, cast, client_for, meetings
    ):
        client = client_for(cast.chiangrai_coordinator)
        rows = _xlsx(client.get(reverse("meetings:meeting_list"), {"year": "2558", "export": "xlsx"}))
        assert sorted(row[1] for row in rows[1:]) == ["1/2558", "3/2558"]
        rows = _xlsx(
            client_for(cast.mueang_coordinator).get(reverse("meetings:meeting_list"), {"export": "xlsx"})
        )
        assert {row[2] for row in rows[1:]} == {
            "สภาพลเมืองจังหวัดเชียงราย"
        }  # the province's council, not Mae Sai

    def test_the_outsider_exports_only_phayao(self, cast, client_for, meetings):
        rows = _xlsx(
            client_for(cast.phayao_coordinator).get(reverse("meetings:meeting_list"), {"export": "xlsx"})
        )
        assert [row[2] for row in rows[1:]] == ["สภาพลเมืองจังหวัดพะเยา"]

    def test_the_export_runs_a_fixed_number_of_queries(
        self, cast, client_for, meetings, django_assert_max_num_queries
    ):
        client = client_for(cast.chiangrai_coordinator)
        with django_assert_max_num_queries(12) as few:
            client.get(reverse("meetings:meeting_list"), {"export": "csv"})
        chair = meetings.chair
        for day in range(1, 21):
            meeting = meeting_create(
                by=cast.chiangrai_coordinator, body=meetings.body, held_on=dt.date(2017, 1, day), chair=chair
            )
            attendance_record(by=cast.chiangrai_coordinator, meeting=meeting, person=chair)
        with django_assert_max_num_queries(len(few.captured_queries)):
            rows = _csv(client.get(reverse("meetings:meeting_list"), {"export": "csv"}))
        assert len(rows) == 1 + 3 + 20


def _column(key: str) -> int:
    return [column.key for column in MEETING_COLUMNS].index(key)
