"""sanphalang backup and restore: the database, every stored file and the admin log, back byte for byte; a
damaged, cut-short or foreign archive refused with a message before anything changes."""

import datetime as dt
import gzip
import hashlib
import io
import json
import os
import zipfile

import pytest
from django.contrib.admin.models import ADDITION, LogEntry
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.management import CommandError, call_command
from django.db import connection
from django.utils import translation

from sanphalang.accounts.models import AccessLog
from sanphalang.areas.services import village_create
from sanphalang.directory.models import Organisation
from sanphalang.directory.services import organisation_create, person_create, position_create
from sanphalang.meetings.models import Attachment
from sanphalang.meetings.services.attachments import attachment_add
from sanphalang.ops.backups import DATABASE, MANIFEST
from tests.meetings.corrections_data import recorded_meeting

# Every byte value, and more than one read's worth, so that no text or newline conversion can pass unnoticed.
SCAN = bytes(range(256)) * 5000 + os.urandom(1000)


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "data" / "media"
    settings.MEDIA_ROOT.mkdir(parents=True)
    return settings.MEDIA_ROOT


def _records(path) -> list:
    with zipfile.ZipFile(path) as archive:
        records = json.loads(archive.read(DATABASE))
    return sorted(records, key=lambda record: (record["model"], json.dumps(record["pk"])))


def _backup(path):
    call_command("backup", str(path), stdout=io.StringIO())


def _restore(path):
    call_command("restore", str(path), interactive=False, stdout=io.StringIO())


def _refusal(path) -> str:
    with translation.override("th"), pytest.raises(CommandError) as refused:
        _restore(path)
    return str(refused.value)


def _stored(media) -> dict[str, bytes]:
    return {p.relative_to(media).as_posix(): p.read_bytes() for p in media.rglob("*") if p.is_file()}


def _given_data(cast):
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
    meeting = recorded_meeting(cast).meeting
    attachment_add(by=cast.chiangrai_coordinator, meeting=meeting, file=ContentFile(SCAN, name="minutes.pdf"))
    attachment_add(
        by=cast.chiangrai_coordinator, meeting=meeting, file=ContentFile("ภาษาไทย".encode(), name="น.txt")
    )
    LogEntry.objects.log_actions(
        user_id=cast.admin.pk, queryset=[network], action_flag=ADDITION, change_message="เพิ่มจากหน้าผู้ดูแล"
    )


def test_a_restore_gives_back_every_record_stored_file_and_admin_log_entry(cast, media, tmp_path):
    # given a database with organisations, people, a village, a meeting with two attached files and an admin log
    _given_data(cast)
    files = _stored(media)
    assert len(files) == 2 and SCAN in files.values()
    first, second = tmp_path / "first.backup", tmp_path / "second.backup"
    _backup(first)
    # when the database is wiped, the files are lost, and the backup is restored
    connection.check_constraints()  # PostgreSQL truncates only once the pending deferred checks are settled
    call_command("flush", interactive=False, verbosity=0)
    assert not get_user_model().objects.exists()
    for path in media.rglob("*"):
        if path.is_file():
            path.unlink()
    (media / "left-over.txt").write_bytes(b"not in the backup")
    _restore(first)
    # then every file is back byte for byte, and only those
    assert _stored(media) == files
    assert {a.file.read() for a in Attachment.objects.all()} == set(files.values())
    # and the admin log is back
    entry = LogEntry.objects.get()
    assert entry.change_message == "เพิ่มจากหน้าผู้ดูแล" and entry.user.username == "admin"
    # and a fresh backup holds exactly the same records
    _backup(second)
    original, restored = _records(first), _records(second)
    assert len(original) > 8000  # the areas of all Thailand are in it
    assert restored == original
    assert get_user_model().objects.get(username="cr_coord").check_password("correct-horse-battery-staple-42")


def test_a_backup_keeps_every_microsecond(cast, media, tmp_path):
    # given a record saved at a time with sub-millisecond precision (Django's JSON would keep milliseconds only)
    exact = dt.datetime(2026, 11, 24, 14, 10, 44, 500, tzinfo=dt.UTC)
    log = AccessLog.objects.create(username="x", action="read", model="directory.person", object_id="1")
    AccessLog.objects.filter(pk=log.pk).update(at=exact)
    path = tmp_path / "exact.backup"
    # when it is backed up and restored
    _backup(path)
    _restore(path)
    # then it comes back to the microsecond
    assert AccessLog.objects.get(pk=log.pk).at == exact


@pytest.fixture
def backed_up(cast, media, tmp_path):
    """A backup of one organisation and one attached file, and the state it was taken in."""
    organisation_create(by=cast.admin, name_th="เครือข่ายเชียงราย", kind="network", area_code="57")
    meeting = recorded_meeting(cast).meeting
    attachment_add(by=cast.chiangrai_coordinator, meeting=meeting, file=ContentFile(SCAN, name="minutes.pdf"))
    path = tmp_path / "good.backup"
    _backup(path)
    organisation_create(by=cast.admin, name_th="กลุ่มหลังสำรอง", kind="network", area_code="57")
    return path


def _unchanged(media, files, names):
    assert _stored(media) == files
    assert set(Organisation.objects.values_list("name_th", flat=True)) == names


def _rewritten(source, target, change):
    """A copy of the archive with change(name, data) -> data | None applied to each entry (None drops it)."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for name in old.namelist():
            data = change(name, old.read(name))
            if data is not None:
                new.writestr(name, data)
    return target


def _flip_last_byte(name, data, entry):
    return data[:-1] + bytes([data[-1] ^ 1]) if name == entry else data


@pytest.mark.parametrize(
    ("damage", "expected"),
    [
        ("database", "ไม่ตรงกับค่าตรวจสอบ"),
        ("file", "ไม่ตรงกับค่าตรวจสอบ"),
        ("missing file", "ไม่ครบ"),
        ("extra entry", "นอกกลุ่มไฟล์ที่เก็บไว้"),
        ("escaping entry", "นอกกลุ่มไฟล์ที่เก็บไว้"),
        ("truncated", "ไม่ใช่ไฟล์สำรองข้อมูล"),
        ("no manifest", "โปรแกรมอื่น"),
        ("other product", "โปรแกรมอื่น"),
        ("newer format", "รุ่นใหม่กว่า"),
        ("not a zip", "ไม่ใช่ไฟล์สำรองข้อมูล"),
        ("empty", "ไม่ใช่ไฟล์สำรองข้อมูล"),
    ],
)
def test_a_damaged_or_foreign_backup_is_refused_and_nothing_changes(
    backed_up, media, tmp_path, damage, expected
):
    # given the data and files as they are now
    files, names = _stored(media), set(Organisation.objects.values_list("name_th", flat=True))
    (stored_name,) = [name for name in zipfile.ZipFile(backed_up).namelist() if name.startswith("files/")]
    bad = tmp_path / "bad.backup"

    def manifest_with(**fields):
        return lambda name, data: json.dumps({**json.loads(data), **fields}) if name == MANIFEST else data

    if damage == "database":
        _rewritten(backed_up, bad, lambda name, data: _flip_last_byte(name, data, DATABASE))
    elif damage == "file":
        _rewritten(backed_up, bad, lambda name, data: _flip_last_byte(name, data, stored_name))
    elif damage == "missing file":
        _rewritten(backed_up, bad, lambda name, data: None if name == stored_name else data)
    elif damage == "extra entry":
        _rewritten(backed_up, bad, lambda name, data: data)
        with zipfile.ZipFile(bad, "a") as archive:
            archive.writestr("settings.py", b"SECRET_KEY = 'x'")
    elif damage == "escaping entry":
        _rewritten(backed_up, bad, lambda name, data: data)
        with zipfile.ZipFile(bad, "a") as archive:
            archive.writestr("files/../../escaped.txt", b"x")
    elif damage == "truncated":
        bad.write_bytes(backed_up.read_bytes()[: backed_up.stat().st_size // 2])
    elif damage == "no manifest":
        _rewritten(backed_up, bad, lambda name, data: None if name == MANIFEST else data)
    elif damage == "other product":
        _rewritten(backed_up, bad, manifest_with(product="another-registry"))
    elif damage == "newer format":
        _rewritten(backed_up, bad, manifest_with(format=99))
    elif damage == "not a zip":
        bad.write_bytes(b"not a backup at all")
    else:
        bad.write_bytes(b"")
    # when it is restored, then it is refused with a message and no traceback
    assert expected in _refusal(bad)
    # and nothing changed
    _unchanged(media, files, names)
    assert not (tmp_path / "escaped.txt").exists()


def test_a_backup_that_fails_to_load_leaves_data_and_files_as_they_were(backed_up, media, tmp_path):
    # given a backup whose checksums hold but whose records cannot be loaded
    files, names = _stored(media), set(Organisation.objects.values_list("name_th", flat=True))
    broken = [{"model": "directory.organisation", "pk": 1, "fields": {"no_such_field": 1}}]
    bad = tmp_path / "broken.backup"
    with zipfile.ZipFile(backed_up) as source:
        manifest = json.loads(source.read(MANIFEST))
    data = json.dumps(broken).encode()
    manifest["entries"][DATABASE] = {"size": len(data), "sha256": hashlib.sha256(data).hexdigest()}
    _rewritten(
        backed_up,
        bad,
        lambda name, old: data if name == DATABASE else json.dumps(manifest) if name == MANIFEST else old,
    )
    # when it is restored, then it is refused and nothing changed
    assert "โหลด" in _refusal(bad)
    _unchanged(media, files, names)


def test_a_backup_of_the_old_format_is_still_restored(cast, media, tmp_path):
    # given a format-1 backup (gzip JSON of the records) and a stored file
    organisation_create(by=cast.admin, name_th="เครือข่ายเชียงราย", kind="network", area_code="57")
    backup = tmp_path / "new.backup"
    _backup(backup)
    old = tmp_path / "old.json.gz"
    with gzip.open(old, "wb") as stream:
        stream.write(zipfile.ZipFile(backup).read(DATABASE))
    (media / "kept.txt").write_bytes(b"kept")
    Organisation.objects.all().delete()
    # when it is restored
    _restore(old)
    # then its records are back and the stored files are left as they were
    assert Organisation.objects.get().name_th == "เครือข่ายเชียงราย"
    assert _stored(media) == {"kept.txt": b"kept"}


def test_the_restore_of_a_missing_file_is_refused(db, tmp_path):
    assert "ไม่ใช่ไฟล์สำรองข้อมูล" in _refusal(tmp_path / "nowhere.backup")
