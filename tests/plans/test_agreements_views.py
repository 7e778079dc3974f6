"""The agreement pages: parties, commitments, signatories with positions, documents, and who may change them."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from .factories import province_plan, signed_agreement


def test_the_agreement_page_names_the_governor_who_signed(cast, client_for):
    agreement = signed_agreement(cast, province_plan(cast))
    page = client_for(cast.mueang_coordinator).get(reverse("plans:agreement_detail", args=[agreement.pk]))
    text = page.content.decode()
    assert "นายศักดิ์ฤทธิ์ สลักคำ" in text and "ผู้ว่าราชการจังหวัด" in text and "สนับสนุนงบประมาณ" in text
    assert reverse("plans:agreement_update", args=[agreement.pk]) not in text


def test_a_document_is_uploaded_and_downloaded(cast, client_for):
    agreement = signed_agreement(cast, province_plan(cast))
    client = client_for(cast.chiangrai_coordinator)
    answer = client.post(
        reverse("plans:document_create", args=[agreement.pk]),
        {"attachment-title": "ฉบับลงนาม", "attachment-file": SimpleUploadedFile("mou.txt", "ลงนาม".encode())},
    )
    assert answer.status_code == 302
    document = agreement.documents.get()
    download = client_for(cast.mueang_coordinator).get(reverse("plans:document_download", args=[document.pk]))
    assert b"".join(download.streaming_content).decode() == "ลงนาม"
    assert (
        client_for(cast.phayao_coordinator)
        .get(reverse("plans:document_download", args=[document.pk]))
        .status_code
        == 404
    )


def test_a_district_cannot_add_a_party(cast, client_for):
    agreement = signed_agreement(cast, province_plan(cast))
    answer = client_for(cast.mueang_coordinator).post(reverse("plans:party_create", args=[agreement.pk]), {})
    assert answer.status_code == 403
    assert agreement.parties.count() == 1
