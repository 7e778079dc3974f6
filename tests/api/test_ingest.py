"""The API of reports read into drafts: give a report and its files, list them, read a draft with its spans."""

import base64

from sanphalang.ingest.models import SourceDocument
from tests.ingest.reports import docx_bytes, s1_report


def test_a_report_and_a_file_are_given_and_read_into_drafts(cast, api_for):
    api = api_for(cast.chiangrai_coordinator)
    # when the coordinator gives the S1 report as text and as a Word file
    file = {"name": "s1.docx", "content_base64": base64.b64encode(docx_bytes(s1_report())).decode()}
    response = api.post("/api/ingest/documents", {"area_code": "57", "text": s1_report(), "files": [file]})
    # then both are read at once by the job, and the draft carries each value's span of the text
    assert response.status_code == 202, response.content
    given = response.json()
    assert [document["status"] for document in given["documents"]] == ["read", "read"]
    one = api.get(f"/api/ingest/documents/{given['documents'][0]['id']}").json()
    assert one["draft"]["event_date"]["value"] == "2015-07-20"
    start, end = one["draft"]["venue"]["span"]
    assert "ศาลากลางจังหวัดเชียงราย" in one["text"][start:end]
    listed = api.get("/api/ingest/documents", {"status": "read"}).json()
    assert listed["count"] == 2


def test_bad_base64_is_refused_at_its_file_and_nothing_is_kept(cast, api_for):
    api = api_for(cast.chiangrai_coordinator)
    response = api.post(
        "/api/ingest/documents", {"area_code": "57", "files": [{"name": "a.txt", "content_base64": "%%%"}]}
    )
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "files.0.content_base64"
    assert not SourceDocument.objects.exists()


def test_a_binary_file_is_read_as_unreadable_with_its_reason(cast, api_for):
    api = api_for(cast.chiangrai_coordinator)
    junk = base64.b64encode(bytes(range(256)) * 8).decode()
    response = api.post(
        "/api/ingest/documents", {"area_code": "57", "files": [{"name": "x.txt", "content_base64": junk}]}
    )
    (document,) = response.json()["documents"]
    assert document["status"] == "unreadable"
    assert document["problem"]["code"] == "ingest_binary"


def test_the_outsider_gets_nothing(cast, api_for):
    api_for(cast.chiangrai_coordinator).post(
        "/api/ingest/documents", {"area_code": "57", "text": s1_report()}
    )
    outsider = api_for(cast.phayao_coordinator)
    document = SourceDocument.objects.get()
    assert outsider.get(f"/api/ingest/documents/{document.pk}").status_code == 404
    assert outsider.get("/api/ingest/documents").json()["count"] == 0
    refused = outsider.post("/api/ingest/documents", {"area_code": "57", "text": s1_report()})
    assert refused.status_code == 403
    assert SourceDocument.objects.count() == 1
