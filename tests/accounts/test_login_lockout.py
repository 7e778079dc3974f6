"""Wrong passwords lock a login for an hour: one account from one address soon, one account from anywhere and
one address trying many accounts later; the admin's login too. The user is told why, in Thai."""

import logging

import pytest
from django.test import Client

from tests.conftest import PASSWORD

LOCKED_IN_THAI = "เข้าสู่ระบบชั่วคราว"


def log_in(client: Client, username: str, password: str, *, path="/accounts/login/", address="203.0.113.7"):
    return client.post(path, {"username": username, "password": password}, REMOTE_ADDR=address)


def test_150_wrong_passwords_lock_the_account_and_the_right_one_is_then_refused_in_thai(cast, caplog):
    # given someone guessing the password of a coordinator, 150 times from one address
    client = Client()
    with caplog.at_level(logging.WARNING):
        statuses = [log_in(client, "mueang_coord", f"guess-{n}").status_code for n in range(150)]
    # then the first ten are answered with the login form again, and the rest are refused
    assert statuses[:9] == [200] * 9
    assert set(statuses[10:]) == {429}
    # and the lockout is in the log
    assert any("Locking out" in record.getMessage() for record in caplog.records)
    # when the right password comes while the account is locked
    response = log_in(client, "mueang_coord", PASSWORD)
    # then it is refused too, with the reason in Thai and when to try again
    assert response.status_code == 429
    assert LOCKED_IN_THAI in response.content.decode()
    assert response["Retry-After"] == "3600"
    assert "_auth_user_id" not in client.session


def test_the_admin_login_is_locked_alike(cast):
    client = Client()
    for n in range(10):
        log_in(client, "admin", f"guess-{n}", path="/admin/login/")
    response = log_in(client, "admin", PASSWORD, path="/admin/login/")
    assert response.status_code == 429
    assert LOCKED_IN_THAI in response.content.decode()


def test_guessing_one_account_from_many_addresses_locks_it_at_100_an_hour(cast):
    # given 100 wrong passwords for one account, from 20 addresses (5 each: no address reaches its own limit)
    for n in range(100):
        log_in(Client(), "cr_coord", f"guess-{n}", address=f"198.51.100.{n % 20}")
    # then the account is locked from a new address too
    response = log_in(Client(), "cr_coord", PASSWORD, address="192.0.2.1")
    assert response.status_code == 429


def test_an_address_trying_many_accounts_is_locked_for_every_account(cast):
    # given one address trying 5 wrong passwords on each of 10 accounts (50 failures)
    usernames = ["admin", "cr_coord", "mueang_coord", "maesai_coord", "cr_viewer", "cr_partner", "py_coord"]
    for n in range(50):
        log_in(Client(), usernames[n % len(usernames)] + ("" if n < 35 else "-x"), f"guess-{n}")
    # then that address cannot log in to an account it has barely tried
    assert log_in(Client(), "nobody", PASSWORD).status_code == 429
    # and another address still can
    assert log_in(Client(), "nobody", PASSWORD, address="192.0.2.1").status_code == 302


def test_a_few_wrong_passwords_do_not_stop_the_right_one(cast):
    client = Client()
    for n in range(5):
        log_in(client, "cr_viewer", f"guess-{n}")
    response = log_in(client, "cr_viewer", PASSWORD)
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(cast.chiangrai_viewer.pk)


@pytest.mark.parametrize("path", ["/accounts/login/", "/admin/login/"])
def test_the_lockout_page_is_in_english_for_who_chose_english(cast, path):
    client = Client()
    client.cookies["django_language"] = "en"
    for n in range(10):
        log_in(client, "py_coord", f"guess-{n}", path=path)
    response = log_in(client, "py_coord", PASSWORD, path=path)
    assert "Too many wrong passwords" in response.content.decode()
