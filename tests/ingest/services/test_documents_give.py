"""Giving reports: pasted text and many files at once, read in one job; one bad file does not stop the others."""

import pytest
from django.core.exceptions import ValidationError

from sanphalang.errors import AccessDenied
from sanphalang.ingest.models import DocumentMedia, DocumentStatus, SourceDocument
from sanphalang.ingest.reading import MAX_BYTES
from sanphalang.ingest.services.documents import GivenFile, document_discard, documents_give
from sanphalang.jobs.models import JobStatus
from tests.ingest.reports import docx_bytes, s1_report


def test_it_reads_pasted_text_into_a_draft(cast):
    # given the S1 report pasted by the Chiang Rai coordinator
    # when it is given
    (document,), job = documents_give(by=cast.chiangrai_coordinator, area_code="57", text=s1_report())
    # then the job has read it into a draft with the passage of each field
    assert job.status == JobStatus.DONE
    assert document.status == DocumentStatus.READ
    assert document.media == DocumentMedia.PASTED
    assert document.draft["event_date"]["value"] == "2015-07-20"
    start, end = document.draft["meeting_number"]["span"]
    assert "3" in document.text[start:end] or "๓" in document.text[start:end]
    assert document.draft["chair"]["name"] == "รัชกฤช สถิรานนท์"


def test_one_bad_file_in_a_batch_does_not_stop_the_others(cast):
    # given a Word report, a binary file and a file over the size limit
    files = [
        GivenFile(name="s1.docx", data=docx_bytes(s1_report()), size=0),
        GivenFile(name="junk.txt", data=bytes(range(256)) * 40, size=10240),
        GivenFile(name="huge.pdf", data=b"", size=MAX_BYTES + 1),
    ]
    files[0] = GivenFile(name="s1.docx", data=files[0].data, size=len(files[0].data))
    # when they are given at once
    documents, job = documents_give(by=cast.chiangrai_coordinator, area_code="57", files=files)
    # then the report is read and each bad one says why, in one finished job
    assert job.status == JobStatus.DONE
    assert job.result == {"read": 1, "unreadable": 2}
    by_name = {document.name: document for document in documents}
    assert by_name["s1.docx"].status == DocumentStatus.READ
    assert by_name["s1.docx"].draft["province"]["value"] == "เชียงราย"
    assert by_name["junk.txt"].problem == "ingest_binary"
    assert by_name["huge.pdf"].problem == "ingest_too_large"
    assert "huge.pdf" in by_name["huge.pdf"].problem_message()
    assert not by_name["huge.pdf"].content


def test_nothing_given_is_refused_and_nothing_kept(cast):
    with pytest.raises(ValidationError) as refused:
        documents_give(by=cast.chiangrai_coordinator, area_code="57", text="   ")
    assert refused.value.code == "ingest_nothing_given"
    assert not SourceDocument.objects.exists()


def test_it_refuses_a_coordinator_of_another_province(cast):
    # given the Phayao coordinator
    # when they give a report for Chiang Rai
    with pytest.raises(AccessDenied):
        documents_give(by=cast.phayao_coordinator, area_code="57", text=s1_report())
    # then nothing was kept
    assert not SourceDocument.objects.exists()


def test_it_refuses_a_viewer(cast):
    with pytest.raises(AccessDenied):
        documents_give(by=cast.chiangrai_viewer, area_code="57", text=s1_report())


def test_a_discarded_report_cannot_be_discarded_again(cast):
    (document,), _job = documents_give(by=cast.chiangrai_coordinator, area_code="57", text=s1_report())
    document_discard(by=cast.chiangrai_coordinator, document=document)
    assert SourceDocument.objects.get().status == DocumentStatus.DISCARDED
    with pytest.raises(ValidationError):
        document_discard(by=cast.chiangrai_coordinator, document=document)
