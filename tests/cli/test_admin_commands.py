"""sanphalang createadmin and serve."""

import io
from unittest import mock

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

STRONG = "a-long-and-unusual-passphrase-57"


def test_createadmin_takes_the_password_from_the_option(db):
    call_command("createadmin", "root", password=STRONG, stdout=io.StringIO())
    user = get_user_model().objects.get(username="root")
    assert user.is_superuser and user.role == "admin" and user.check_password(STRONG)


def test_createadmin_takes_the_password_from_the_environment(db, monkeypatch):
    monkeypatch.setenv("SANPHALANG_ADMIN_PASSWORD", STRONG)
    call_command("createadmin", "root", stdout=io.StringIO())
    assert get_user_model().objects.get(username="root").check_password(STRONG)


def test_createadmin_prompts_for_the_password(db, monkeypatch):
    monkeypatch.delenv("SANPHALANG_ADMIN_PASSWORD", raising=False)
    with mock.patch("getpass.getpass", return_value=STRONG):
        call_command("createadmin", "root", stdout=io.StringIO())
    assert get_user_model().objects.get(username="root").check_password(STRONG)


def test_createadmin_refuses_a_weak_password_and_a_taken_name(db):
    with pytest.raises(CommandError):
        call_command("createadmin", "root", password="123")
    call_command("createadmin", "root", password=STRONG, stdout=io.StringIO())
    with pytest.raises(CommandError, match="มีผู้ใช้ชื่อนี้อยู่แล้ว"):
        call_command("createadmin", "root", password=STRONG)


def test_serve_migrates_collects_static_and_serves_with_waitress(db, settings, tmp_path):
    settings.STATIC_ROOT = tmp_path / "static"
    # Only the site's own static files: brotli-compressing the admin's, Bootstrap's and Ninja's takes a minute,
    # and the production storage compresses these the same way.
    settings.STATICFILES_FINDERS = ["django.contrib.staticfiles.finders.FileSystemFinder"]
    with mock.patch("waitress.serve") as serve:
        call_command("serve", port=8123, threads=2, no_worker=True, stdout=io.StringIO(), verbosity=0)
    (application,) = serve.call_args.args
    assert serve.call_args.kwargs == {"host": "127.0.0.1", "port": 8123, "threads": 2}
    assert callable(application)
    collected = tmp_path / "static" / "sanphalang"
    assert {"site.css", "site.css.gz", "site.css.br"} <= {path.name for path in collected.iterdir()}
    # and the application serves them
    status, headers, body = _wsgi_get(application, "/static/sanphalang/site.css")
    assert status.startswith("200") and headers["Content-Type"].startswith("text/css")
    assert body == (collected / "site.css").read_bytes()


def _wsgi_get(application, path: str) -> tuple[str, dict, bytes]:
    """GET a path from a WSGI application as waitress would."""
    from wsgiref.util import setup_testing_defaults

    environ = {"PATH_INFO": path, "REQUEST_METHOD": "GET", "HTTP_HOST": "127.0.0.1"}
    setup_testing_defaults(environ)
    started = {}

    def start_response(status, headers, exc_info=None):
        started.update(status=status, headers=dict(headers))

    body = b"".join(application(environ, start_response))
    return started["status"], started["headers"], body
