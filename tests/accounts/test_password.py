"""Passwords follow AUTH_PASSWORD_VALIDATORS wherever they are set, and users change their own."""

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.test import Client
from django.utils import translation

from sanphalang.accounts.services import user_create
from tests.conftest import PASSWORD

NEW_PASSWORD = "ดอยตุง-tea-garden-2567"


@pytest.mark.parametrize(
    ("password", "reason_in_thai"),
    [
        ("12345678901", "ตัวเลขทั้งหมด"),
        ("short1", "สั้นเกินไป"),
        ("password123", "ใช้กันทั่วไป"),
        ("somchai.jaidee", "คล้ายกับ"),
    ],
)
def test_user_create_refuses_a_password_against_the_rules_with_the_reason_in_thai(
    db, password, reason_in_thai
):
    # when an account is made with a password the rules refuse
    with translation.override("th"), pytest.raises(ValidationError) as refused:
        user_create(username="somchai.jaidee", password=password)
    # then the reason is given in Thai, at the password
    assert any(reason_in_thai in message for message in refused.value.message_dict["password"])
    # and no account was made
    assert not get_user_model().objects.filter(username="somchai.jaidee").exists()


def test_createadmin_gives_the_reasons_of_the_rules(db):
    with translation.override("th"), pytest.raises(CommandError, match="ตัวเลขทั้งหมด"):
        call_command("createadmin", "root", password="99887766554433")


def test_the_settings_page_links_to_the_password_change(cast, client_for):
    response = client_for(cast.mueang_coordinator).get("/accounts/settings/")
    assert 'href="/accounts/password/"' in response.content.decode()


def test_a_user_changes_their_own_password_and_stays_logged_in(cast, client_for):
    # given a logged-in coordinator
    client = client_for(cast.mueang_coordinator)
    # when they give their password and a new one twice
    response = client.post(
        "/accounts/password/",
        {"old_password": PASSWORD, "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
        follow=True,
    )
    # then they are back on their settings, told in Thai, still logged in
    assert response.redirect_chain[-1][0] == "/accounts/settings/"
    assert "เปลี่ยนรหัสผ่านแล้ว" in response.content.decode()
    assert client.get("/accounts/settings/").status_code == 200
    # and the new password is the one that logs in
    cast.mueang_coordinator.refresh_from_db()
    assert cast.mueang_coordinator.check_password(NEW_PASSWORD)


def test_a_wrong_current_password_or_a_weak_new_one_changes_nothing(cast, client_for):
    client = client_for(cast.mueang_coordinator)
    wrong_current = client.post(
        "/accounts/password/",
        {"old_password": "not-it", "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    weak_new = client.post(
        "/accounts/password/",
        {"old_password": PASSWORD, "new_password1": "12345678901", "new_password2": "12345678901"},
    )
    assert wrong_current.status_code == 200 and "รหัสผ่านเก่าผิด" in wrong_current.content.decode()
    assert weak_new.status_code == 200 and "ตัวเลขทั้งหมด" in weak_new.content.decode()
    cast.mueang_coordinator.refresh_from_db()
    assert cast.mueang_coordinator.check_password(PASSWORD)


def test_the_password_page_needs_a_login(db):
    response = Client().get("/accounts/password/")
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")
