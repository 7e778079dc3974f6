"""The right of access: everything held about a household, national IDs in full, for an administrator to give it."""

import io
import json

import pytest
from django.urls import reverse
from openpyxl import load_workbook
from stdnum.th import pin

from sanphalang.accounts.models import AccessAction, AccessLog
from sanphalang.care.services.privacy import household_export
from sanphalang.errors import Access, AccessDenied

from .records import NAME, NATIONAL_ID, TEXT, everything, household


def test_it_holds_everything_about_the_household(cast):
    # given a household with every kind of record
    records = everything(cast.admin)
    # when an administrator exports it
    document = household_export(by=cast.admin, household=records.household)
    # then the document holds its fields, its members with the national ID in full, and all that hangs off them
    assert document["household"]["address"] == records.household.address
    head = next(m for m in document["members"] if m["id"] == records.head.pk)
    assert head["first_name"] == NAME and head["national_id"] == pin.format(NATIONAL_ID)
    assert "national_id_token" not in head and "search_key" not in head
    [case] = document["cases"]
    assert case["summary"] == TEXT and case["kind_label"]
    assert [h["amount"] for h in case["help_given"]] == ["500.00"]
    assert [r["reason"] for r in case["referrals"]] == [TEXT]
    assert [f["note"] for f in case["follow_ups"]] == [TEXT]
    assert [a["answers"] for a in case["assessments"]] == [{"lives_with": TEXT}]
    assert [r["purpose"] for r in case["fund_requests"]] == [TEXT]
    [status_case] = document["legal_status_cases"]
    assert [e["step"] for e in status_case["events"]] == ["filed"]
    assert [d["file"] for d in status_case["documents"]][0].startswith("birth")
    assert [w["work"] for w in document["housing_works"]] == [TEXT]
    assert [i["damage"] for i in document["incidents"]] == [TEXT]
    json.dumps(document)  # and it is JSON as it is
    # and the export is in the access log, for the household and each record read
    exported = AccessLog.objects.filter(action=AccessAction.EXPORT)
    assert ("care.household", str(records.household.pk)) in {(e.model, e.object_id) for e in exported}
    assert exported.filter(model="care.member").count() == 2


@pytest.mark.parametrize("who", ["chiangrai_coordinator", "mueang_coordinator", "chiangrai_partner"])
def test_it_refuses_anyone_but_an_administrator(cast, who):
    home = household()
    with pytest.raises(AccessDenied) as refused:
        household_export(by=getattr(cast, who), household=home)
    assert str(refused.value) == Access.ADMINISTRATOR_ONLY_PERSONAL_EXPORT.message()
    assert not AccessLog.objects.exists()


def test_the_page_downloads_a_readable_workbook_and_a_json_file(cast, client_for):
    # given a household
    records = everything(cast.admin)
    url = reverse("care:household_export", args=[records.household.pk])
    client = client_for(cast.admin)
    # when the administrator opens the page, nothing is exported yet
    assert client.get(url).status_code == 200
    assert not AccessLog.objects.filter(action=AccessAction.EXPORT).exists()
    # when they ask for the workbook
    response = client.post(url, {"format": "xlsx"})
    # then it has a sheet per kind of record, in Thai, with the national ID in full
    assert response.status_code == 200 and response["Content-Disposition"].endswith('.xlsx"')
    assert response["Cache-Control"] == "no-store"
    workbook = load_workbook(io.BytesIO(response.content))
    cells = [str(cell) for sheet in workbook for row in sheet.iter_rows(values_only=True) for cell in row]
    assert pin.format(NATIONAL_ID) in cells and NAME in cells
    assert len(workbook.sheetnames) == 12
    # and the JSON file is the document
    document = json.loads(client.post(url, {"format": "json"}).content)
    assert document["household"]["id"] == records.household.pk
    # and a coordinator is refused
    assert client_for(cast.chiangrai_coordinator).post(url, {"format": "json"}).status_code == 403


def test_the_api_exports_the_document(cast, api_for):
    records = everything(cast.admin)
    response = api_for(cast.admin).post(f"/api/care/households/{records.household.pk}/export")
    assert response.status_code == 200
    assert response.json()["members"][0]["national_id"] == pin.format(NATIONAL_ID)
    assert AccessLog.objects.filter(action=AccessAction.EXPORT, channel="api").exists()
    refused = api_for(cast.mueang_coordinator).post(f"/api/care/households/{records.household.pk}/export")
    assert refused.status_code == 403
