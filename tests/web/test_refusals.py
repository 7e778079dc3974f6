"""A refused request is answered with the 403 page and leaves one line in the log: no traceback, no person."""

import logging

from sanphalang.directory.services import organisation_create


def test_a_refusal_logs_one_line_without_a_traceback(cast, client_for, caplog):
    # given a network in Chiang Rai and a viewer there, who may read it but not change it
    network = organisation_create(by=cast.admin, kind="network", name_th="เครือข่ายเชียงราย", area_code="57")
    client = client_for(cast.chiangrai_viewer)
    # when the viewer opens its change page
    with caplog.at_level(logging.INFO):
        response = client.get(f"/directory/organisations/{network.pk}/edit/")
    # then they get the 403 page with the reason
    assert response.status_code == 403
    assert "text/html" in response["Content-Type"]
    # and the log has one line about it, with no traceback and nothing about who asked
    refusals = [record for record in caplog.records if record.levelno >= logging.WARNING]
    assert [record.getMessage() for record in refusals] == [
        f"Forbidden: /directory/organisations/{network.pk}/edit/"
    ]
    assert refusals[0].exc_info is None
    assert "cr_viewer" not in caplog.text
