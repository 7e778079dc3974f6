"""Chart downloads: PNG and SVG drawn on the server from the page's own chart definition, the data as Excel;
file names in Thai; the outsider gets nothing."""

from io import BytesIO
from xml.etree import ElementTree

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from sanphalang.accounts.services import user_set_preferences
from sanphalang.reports.figures import FIGURES

from .dashboards_data import QUARTER, chiang_rai_meetings

pytestmark = pytest.mark.django_db

QUERY = {"quarter": QUARTER.isoformat(), "figure": "meetings_held"}


def _export(client, code: str, chart: str, fmt: str, **query):
    return client.get(reverse("reports:chart_export", args=[code, chart, fmt]), {**QUERY, **query})


def test_a_chart_downloads_as_png(cast, client_for):
    response = _export(client_for(cast.chiangrai_coordinator), "57", "meetings_held", "png")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert response.content.startswith(b"\x89PNG\r\n\x1a\n")
    assert "filename*=utf-8''" in response["Content-Disposition"]


def test_the_map_downloads_as_svg_with_its_thai_names(cast, client_for):
    chiang_rai_meetings()
    response = _export(client_for(cast.chiangrai_coordinator), "57", "map", "svg")
    svg = response.content.decode()
    ElementTree.fromstring(svg)  # it parses
    assert "ชร" not in svg  # a province's districts, not the country's tiles
    assert "แม่สาย" in svg and "การประชุม" in svg


def test_the_svg_shows_thai_digits_to_a_reader_who_prefers_them(cast, client_for):
    chiang_rai_meetings()
    user_set_preferences(user=cast.chiangrai_coordinator, prefers_thai_digits=True)
    svg = _export(client_for(cast.chiangrai_coordinator), "57", "meetings_held", "svg").content.decode()
    texts = [t.text or "" for t in ElementTree.fromstring(svg).iter() if t.tag.endswith("text")]
    assert any("๒๕" in text or "๖๘" in text for text in texts)
    assert not any(char in "0123456789" for text in texts for char in text)


def test_a_charts_data_downloads_as_excel_with_its_values(cast, client_for):
    chiang_rai_meetings()
    response = _export(client_for(cast.chiangrai_coordinator), "57", "map", "xlsx")
    book = load_workbook(BytesIO(response.content))
    sheet = book.worksheets[0]
    rows = list(sheet.iter_rows(min_row=3, values_only=True))
    by_area = {area: value for area, value, _unit in rows}
    assert by_area["เมืองเชียงราย"] == 2 and by_area["แม่สาย"] == 1
    assert [value for area, value in by_area.items() if "เชียงราย" in area and area != "เมืองเชียงราย"] == [1]
    assert [c.value for c in sheet[2]] == ["พื้นที่", "ค่า", "หน่วยนับ"]


def test_the_whole_dashboards_data_has_a_sheet_per_chart(cast, client_for):
    chiang_rai_meetings()
    response = client_for(cast.chiangrai_coordinator).get(
        reverse("reports:dashboard_export", args=["57"]), QUERY
    )
    book = load_workbook(BytesIO(response.content))
    assert len(book.worksheets) == 1 + len(FIGURES)
    assert book.sheetnames[0] == "แผนที่ การประชุมที่จัดแล้ว"
    series = book.worksheets[1]
    values = [row[1] for row in series.iter_rows(min_row=3, values_only=True)]
    assert len(values) == 8 and values[-1] == 4 and values[-2] == 1


@pytest.mark.parametrize(("chart", "fmt"), [("nope", "png"), ("map", "gif"), ("meetings_held", "pdf")])
def test_an_unknown_chart_or_format_is_not_found(cast, client_for, chart, fmt):
    assert _export(client_for(cast.admin), "57", chart, fmt).status_code == 404


def test_it_refuses_a_user_of_another_province(cast, client_for):
    assert _export(client_for(cast.phayao_coordinator), "57", "meetings_held", "png").status_code == 404
    response = client_for(cast.phayao_coordinator).get(
        reverse("reports:dashboard_export", args=["5701"]), QUERY
    )
    assert response.status_code == 404
