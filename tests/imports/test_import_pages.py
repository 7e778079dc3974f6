"""The import pages: upload, preview with row errors, confirm; and who may use them."""

import csv
import io
import os

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from sanphalang.directory.models import Organisation
from sanphalang.imports.models import ImportBatch, ImportStatus
from sanphalang.imports.services import run_import
from sanphalang.imports.tabular import read_table

from .files import GOOD_ORGANISATIONS, ORGANISATION_HEADINGS_TH, csv_bytes, xlsx_bytes

INDEX = reverse("imports:index")


def upload(client, data, name="orgs.csv", entity="organisations"):
    return client.post(INDEX, {"entity": entity, "file": SimpleUploadedFile(name, data)})


def test_the_upload_page_shows_the_form_and_templates(cast, client_for):
    response = client_for(cast.mueang_coordinator).get(INDEX)
    assert response.status_code == 200
    assert response.context["nav_active"] == "imports"
    assert reverse("imports:template", args=["people", "xlsx"]).encode() in response.content


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_the_template_file_has_the_thai_headings_and_imports_once_filled(cast, client_for, fmt):
    # given the template downloaded
    response = client_for(cast.mueang_coordinator).get(
        reverse("imports:template", args=["organisations", fmt])
    )
    assert response.status_code == 200
    if fmt == "xlsx":
        headings = [cell.value for cell in load_workbook(io.BytesIO(response.content)).active[1]]
    else:
        headings = next(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert headings[:2] == ["ชื่อองค์กร", "ชื่อภาษาอังกฤษ"]
    # when a row is filled in under its headings, then it imports
    row = {"ชื่อองค์กร": "กลุ่มทดสอบ", "ประเภท": "องค์กรชุมชน", "รหัสพื้นที่": "570101"}
    data = csv_bytes([headings, [row.get(h, "") for h in headings]])
    result = run_import(
        entity="organisations", table=read_table(data, "t.csv"), by=cast.mueang_coordinator, commit=True
    )
    assert result.errors == [] and Organisation.objects.get().name_th == "กลุ่มทดสอบ"


def test_upload_preview_and_confirm_writes_every_row(cast, client_for):
    # given a coordinator who uploads a valid file
    client = client_for(cast.chiangrai_coordinator)
    response = upload(client, xlsx_bytes([ORGANISATION_HEADINGS_TH, *GOOD_ORGANISATIONS]), "orgs.xlsx")
    batch = ImportBatch.objects.get()
    assert response.status_code == 302 and response.url == reverse("imports:preview", args=[batch.pk])
    # when they look at the preview, nothing is written yet
    response = client.get(response.url)
    assert response.status_code == 200
    assert response.context["result"].good_rows == 3
    assert not Organisation.objects.exists()
    # and when they confirm, everything is
    response = client.post(reverse("imports:confirm", args=[batch.pk]))
    assert response.status_code == 302
    assert Organisation.objects.count() == 3
    batch.refresh_from_db()
    assert batch.status == ImportStatus.IMPORTED and batch.created_count == 3
    # and a second confirmation imports nothing more
    client.post(reverse("imports:confirm", args=[batch.pk]))
    assert Organisation.objects.count() == 3


def test_the_preview_lists_the_bad_row_in_thai_and_confirm_writes_nothing(cast, client_for):
    client = client_for(cast.chiangrai_coordinator)
    bad = ["กลุ่มที่ไม่มีพื้นที่", "", "องค์กรชุมชน", "999999", "", ""]
    upload(client, csv_bytes([ORGANISATION_HEADINGS_TH, GOOD_ORGANISATIONS[0], bad]))
    batch = ImportBatch.objects.get()
    response = client.get(reverse("imports:preview", args=[batch.pk]))
    errors = response.context["result"].errors
    assert [(e.line, e.column) for e in errors] == [(3, "รหัสพื้นที่")]
    assert "999999" in response.content.decode()
    response = client.post(reverse("imports:confirm", args=[batch.pk]))
    assert response.status_code == 400
    assert not Organisation.objects.exists()
    assert ImportBatch.objects.get().status == ImportStatus.PENDING


def test_skip_bad_rows_imports_the_good_ones(cast, client_for):
    client = client_for(cast.chiangrai_coordinator)
    bad = ["กลุ่มที่ไม่มีพื้นที่", "", "องค์กรชุมชน", "999999", "", ""]
    upload(client, csv_bytes([ORGANISATION_HEADINGS_TH, GOOD_ORGANISATIONS[0], bad, GOOD_ORGANISATIONS[1]]))
    batch = ImportBatch.objects.get()
    response = client.post(reverse("imports:confirm", args=[batch.pk]), {"skip_bad_rows": "on"})
    assert response.status_code == 302
    assert Organisation.objects.count() == 2
    batch.refresh_from_db()
    assert (batch.created_count, batch.skipped_count) == (2, 1)


def test_a_damaged_workbook_gets_a_clear_message(cast, client_for):
    response = upload(client_for(cast.chiangrai_coordinator), os.urandom(2000), "orgs.xlsx")
    assert response.status_code == 400
    assert "Excel" in str(response.context["form"].errors["file"])
    assert not ImportBatch.objects.exists()


def test_an_empty_file_gets_a_clear_message(cast, client_for):
    response = upload(client_for(cast.chiangrai_coordinator), "\ufeff\r\n".encode(), "orgs.csv")
    assert response.status_code == 400
    assert response.context["form"].errors["file"]


def test_an_oversized_upload_is_refused(cast, client_for, settings):
    settings.IMPORT_MAX_UPLOAD_BYTES = 1000
    data = csv_bytes([ORGANISATION_HEADINGS_TH] + [GOOD_ORGANISATIONS[0]] * 50)
    response = upload(client_for(cast.chiangrai_coordinator), data)
    assert response.status_code == 400
    assert "MB" in str(response.context["form"].errors["file"])
    assert not ImportBatch.objects.exists()


def test_too_many_rows_are_refused(cast, client_for, settings):
    settings.IMPORT_MAX_ROWS = 2
    response = upload(
        client_for(cast.chiangrai_coordinator), csv_bytes([ORGANISATION_HEADINGS_TH, *GOOD_ORGANISATIONS])
    )
    assert response.status_code == 400
    assert not ImportBatch.objects.exists()


def test_a_viewer_cannot_import(cast, client_for):
    client = client_for(cast.chiangrai_viewer)
    assert client.get(INDEX).status_code == 403
    assert upload(client, csv_bytes([ORGANISATION_HEADINGS_TH, *GOOD_ORGANISATIONS])).status_code == 403
    assert not ImportBatch.objects.exists()


def test_an_outsider_can_neither_see_nor_confirm_anothers_upload(cast, client_for):
    upload(client_for(cast.chiangrai_coordinator), csv_bytes([ORGANISATION_HEADINGS_TH, *GOOD_ORGANISATIONS]))
    batch = ImportBatch.objects.get()
    outsider = client_for(cast.phayao_coordinator)
    assert outsider.get(reverse("imports:preview", args=[batch.pk])).status_code == 404
    assert outsider.post(reverse("imports:confirm", args=[batch.pk])).status_code == 404
    assert not Organisation.objects.exists()


def test_an_outsiders_own_file_of_chiang_rai_rows_writes_nothing(cast, client_for):
    client = client_for(cast.phayao_coordinator)
    upload(client, csv_bytes([ORGANISATION_HEADINGS_TH, *GOOD_ORGANISATIONS]))
    batch = ImportBatch.objects.get()
    result = client.get(reverse("imports:preview", args=[batch.pk])).context["result"]
    assert result.bad_rows == 3
    client.post(reverse("imports:confirm", args=[batch.pk]), {"skip_bad_rows": "on"})
    assert not Organisation.objects.exists()


def test_a_mueang_coordinator_sees_the_mae_sai_row_refused(cast, client_for):
    client = client_for(cast.mueang_coordinator)
    upload(
        client,
        csv_bytes(
            [ORGANISATION_HEADINGS_TH, GOOD_ORGANISATIONS[0], ["กลุ่มแม่สาย", "", "องค์กรชุมชน", "570901", "", ""]]
        ),
    )
    batch = ImportBatch.objects.get()
    result = client.get(reverse("imports:preview", args=[batch.pk])).context["result"]
    assert [(e.line, e.column) for e in result.errors] == [(3, "รหัสพื้นที่")]


def test_an_anonymous_visitor_is_sent_to_log_in(db, client):
    assert client.get(INDEX).status_code == 302
