"""sanphalang createadmin, serve, backup and restore."""

import gzip
import io
import json
from unittest import mock

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from sanphalang.areas.services import village_create
from sanphalang.directory.models import Organisation
from sanphalang.directory.services import organisation_create, person_create, position_create

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


def _records(path) -> list:
    with gzip.open(path, "rt", encoding="utf-8") as stream:
        records = json.load(stream)
    return sorted(records, key=lambda record: (record["model"], json.dumps(record["pk"])))


def test_a_restored_backup_backs_up_to_the_same_data(cast, tmp_path):
    # given a database with organisations, people, positions, a village and their history
    network = organisation_create(
        by=cast.admin,
        name_th="เครือข่ายเชียงราย",
        kind="network",
        area_code="57",
        issue_areas=["community-welfare"],
    )
    person = person_create(
        by=cast.chiangrai_coordinator,
        first_name="รัชนี",
        last_name="ดีงาม",
        area_code="570101",
        national_id="1101700203450",
    )
    position_create(by=cast.chiangrai_coordinator, person=person, organisation=network, role="chair")
    village_create(by=cast.mueang_coordinator, subdistrict_code="570101", moo=3, name_th="บ้านป่าซาง")
    first, second = tmp_path / "first.json.gz", tmp_path / "second.backup"
    call_command("backup", str(first), stdout=io.StringIO())
    # when the database is wiped and the backup restored
    Organisation.objects.all().delete()
    get_user_model().objects.all().delete()
    call_command("restore", str(first), interactive=False, stdout=io.StringIO())
    # then a fresh backup holds exactly the same records
    call_command("backup", str(second), stdout=io.StringIO())
    original, restored = _records(first), _records(second)
    assert len(original) > 8000  # the areas of all Thailand are in it
    assert restored == original
    assert get_user_model().objects.get(username="cr_coord").check_password("correct-horse-battery-staple-42")


def test_restore_refuses_a_file_that_is_not_a_backup(db, tmp_path):
    path = tmp_path / "nonsense.json.gz"
    path.write_bytes(b"not gzip at all")
    with pytest.raises(CommandError, match="not a Sanphalang backup"):
        call_command("restore", str(path), interactive=False)


def test_a_backup_keeps_every_microsecond(cast, tmp_path):
    # given a record saved at a time with sub-millisecond precision (Django's JSON would keep milliseconds only)
    import datetime as dt

    from sanphalang.accounts.models import AccessLog

    exact = dt.datetime(2026, 11, 24, 14, 10, 44, 500, tzinfo=dt.UTC)
    log = AccessLog.objects.create(username="x", action="read", model="directory.person", object_id="1")
    AccessLog.objects.filter(pk=log.pk).update(at=exact)
    path = tmp_path / "exact.json.gz"
    # when it is backed up and restored
    call_command("backup", str(path), stdout=io.StringIO())
    call_command("restore", str(path), interactive=False, stdout=io.StringIO())
    # then it comes back to the microsecond
    assert AccessLog.objects.get(pk=log.pk).at == exact
