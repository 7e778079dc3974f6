"""Two people open one record's edit page and both save: the first change lands, the second page comes back
with the difference at each field and nothing of it saved. For every kind with an edit page."""

import pytest

from sanphalang.errors import Conflict

from .helpers import form_data, sent, value_now, web_url
from .kinds import WEB_EDITS


@pytest.mark.parametrize("edit", WEB_EDITS, ids=lambda edit: edit.kind)
def test_a_form_built_on_an_old_version_is_refused_with_the_difference(world, db, edit):
    # given two editors who opened the record's edit page at the same version
    records = world.maesai
    page = web_url(edit.web, records)
    target = web_url(edit.post_to, records) if edit.post_to else page
    first_client, second_client = (world.client(getattr(world.cast, name)) for name in edit.editors)
    first_form = first_client.get(page).context[edit.form_key]
    second_form = second_client.get(page).context[edit.form_key]
    first_data, second_data = form_data(first_form), form_data(second_form)
    assert first_data["version"] == second_data["version"] == str(records.objects[edit.kind].version)
    # when the first saves a change, then the second saves another on the version they opened
    first_data[edit.field] = sent(edit.first)
    saved = first_client.post(target, first_data)
    assert saved.status_code == 302, saved.context[edit.form_key].errors if saved.context else saved
    second_data[edit.field] = sent(edit.second)
    refused = second_client.post(target, second_data)
    # then the first change stands and the second editor sees why, with both values at the field
    assert value_now(edit, records) == edit.first
    form = refused.context[edit.form_key]
    assert str(Conflict.STALE_VERSION.message(who="", when="")).split("(")[0] in " ".join(
        form.non_field_errors()
    )
    assert form.errors[edit.field], "the field that differs says what was saved meanwhile"
    if isinstance(edit.first, str) and edit.field != "response":
        assert edit.first in form.errors[edit.field][0] and edit.second in form.errors[edit.field][0]
    # and the page now carries the version saved meanwhile: sending it again keeps the second editor's value
    assert form.data["version"] == str(records.objects[edit.kind].version + 1)
