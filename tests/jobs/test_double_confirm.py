"""Two confirmations of one upload at the same moment: the file is imported once, and the second is told so."""

import threading

from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.urls import reverse

from sanphalang.directory.models import Organisation
from sanphalang.imports.errors import ImportsError
from sanphalang.imports.models import ImportBatch, ImportStatus
from sanphalang.welfare.errors import WelfareError
from sanphalang.welfare.models import SourceRecord
from tests.imports.files import ORGANISATION_HEADINGS_TH, csv_bytes

from .conftest import thai

ROWS = 300


def _at_once(clients, url, data=None) -> list:
    """POST to url from each client in its own thread, all released at the same moment."""
    barrier = threading.Barrier(len(clients))
    responses = []

    def post(client):
        barrier.wait()
        try:
            responses.append(client.post(url, data or {}))
        finally:
            connection.close()

    threads = [threading.Thread(target=post, args=(client,)) for client in clients]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=300)
    return responses


def _said(response) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


def test_two_confirmations_at_once_import_the_file_once(cast, client_for):
    # given a coordinator's upload of 300 organisations, checked
    owner = cast.chiangrai_coordinator
    rows = [[f"กลุ่มทดสอบ {n}", "", "องค์กรชุมชน", "570101", "", ""] for n in range(ROWS)]
    file = SimpleUploadedFile("orgs.csv", csv_bytes([ORGANISATION_HEADINGS_TH, *rows]))
    client_for(owner).post(reverse("imports:index"), {"entity": "organisations", "file": file})
    batch = ImportBatch.objects.get()
    # when they confirm it twice at the same moment (two tabs, a double click)
    responses = _at_once([client_for(owner), client_for(owner)], reverse("imports:confirm", args=[batch.pk]))
    # then both are answered, the rows are there once, and one of the answers says the file was imported already
    assert [response.status_code for response in responses] == [302, 302]
    assert Organisation.objects.count() == ROWS
    assert ImportBatch.objects.get().status == ImportStatus.IMPORTED
    said = [message for response in responses for message in _said(response)]
    assert thai(ImportsError.ALREADY_IMPORTING) in said


def test_two_imports_of_one_source_upload_at_once_import_it_once(cast, client_for):
    owner = cast.chiangrai_coordinator
    rows = "".join(f"กองทุนสวัสดิการชุมชนทดสอบ {n},แม่ยาว,เมืองเชียงราย,{n}\n" for n in range(ROWS))
    upload = SimpleUploadedFile("program.csv", ("ชื่อกองทุน,ตำบล,อำเภอ,จำนวนสมาชิก\n" + rows).encode())
    response = client_for(owner).post(
        reverse("welfare:source_list"), {"source_name": "โปรแกรม", "area_code": "57", "file": upload}
    )
    mapped = {"map_fund_name": "ชื่อกองทุน", "map_tambon": "ตำบล", "map_district": "อำเภอ", "action": "import"}
    responses = _at_once([client_for(owner), client_for(owner)], response.url, mapped)
    assert [response.status_code for response in responses] == [302, 302]
    assert SourceRecord.objects.count() == ROWS
    said = [message for response in responses for message in _said(response)]
    assert thai(WelfareError.FILE_ALREADY_IMPORTED) in said


def test_one_settle_sent_twice_at_once_is_kept_once(cast, client_for):
    from sanphalang.welfare.models import Settlement

    from ..welfare.registry_data import reconciled_fund

    # given a fund whose two sources disagree on its members
    fund = reconciled_fund(cast)
    record = fund.source_records.get(source__name="สมทบ")
    owner = cast.chiangrai_coordinator
    decision = {"field": "members", "from_record": record.pk, "value": "", "reason": "ตรวจแล้ว"}
    # when the coordinator's settle is sent twice at the same moment
    url = reverse("welfare:fund_settle", args=[fund.pk])
    responses = _at_once([client_for(owner), client_for(owner)], url, decision)
    # then it is kept once, and the second answer says it was settled already
    assert [response.status_code for response in responses] == [302, 302]
    assert Settlement.objects.count() == 1
    said = [message for response in responses for message in _said(response)]
    assert thai(WelfareError.ALREADY_SETTLED) in said
