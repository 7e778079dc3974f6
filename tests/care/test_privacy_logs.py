"""Logs and error answers carry nothing personal: a care record's 404, a refused form and an API 422 name the
record by its number at most, never the person's name or national ID."""

import logging

from django.urls import reverse
from stdnum.th import pin

from .records import NAME, NATIONAL_ID, SURNAME, everything

SECRET_FORMS = [NAME, SURNAME, NATIONAL_ID, pin.format(NATIONAL_ID), NATIONAL_ID[:9]]


def _carries_nothing_personal(text: str) -> None:
    for secret in SECRET_FORMS:
        assert secret not in text, secret


def test_errors_of_care_records_log_and_answer_nothing_personal(cast, client_for, api_for, caplog):
    # given a household registered with a member's name and national ID
    records = everything(cast.admin)
    home = records.household.pk
    caplog.set_level(logging.DEBUG, logger="django.request")
    caplog.set_level(logging.DEBUG, logger="sanphalang")
    page, api = client_for(cast.admin), api_for(cast.admin)
    answers = [
        # a care record that does not exist, on a page and in the API
        page.get(reverse("care:household_access_log", args=[home + 1000])),
        api.get(f"/api/care/households/{home + 1000}/access-log"),
        # a refused form on the household's erasure page (not confirmed)
        page.post(reverse("care:household_anonymise", args=[home]), {"reason": "request"}),
        # an API 422: a reason that is none of the codes, the person's name at that
        api.post(f"/api/care/households/{home}/anonymise", {"reason": NAME}),
        api.post(f"/api/care/households/{home}/anonymise", {"reason": pin.format(NATIONAL_ID)}),
        # and a refusal to someone who may not export it
        api_for(cast.chiangrai_coordinator).post(f"/api/care/households/{home}/export"),
    ]
    # then each answered as it should
    assert [answer.status_code for answer in answers] == [404, 404, 200, 422, 422, 403]
    assert "is-invalid" in answers[2].content.decode() or "invalid-feedback" in answers[2].content.decode()
    # and no answer and no log record holds the person's name or national ID
    for answer in answers:
        _carries_nothing_personal(answer.content.decode())
    assert caplog.records, "the errors were logged"
    for record in caplog.records:
        _carries_nothing_personal(record.getMessage())
        _carries_nothing_personal(repr(record.args))
        if record.exc_text:
            _carries_nothing_personal(record.exc_text)
    # and the household was not erased by any of it
    records.household.refresh_from_db()
    assert records.household.anonymised_at is None
