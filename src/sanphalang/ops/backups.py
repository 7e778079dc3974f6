"""Portable backups: one zip archive with the whole database (Django's serialisers, restorable on SQLite or
PostgreSQL whatever the primary keys of the target's content types), every stored file, and a manifest of
checksums that restore verifies before it changes anything."""

import datetime as dt
import gzip
import hashlib
import json
import os
import shutil
import tempfile
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from django.conf import settings
from django.core.management import call_command
from django.core.serializers.base import DeserializationError
from django.db import DatabaseError, connection, transaction

from .errors import BackupProblem

# Rebuilt by migrate on any database, or not worth keeping; references to permissions go by natural key.
EXCLUDED = ["contenttypes", "auth.permission", "sessions"]

# Registered in settings.SERIALIZATION_MODULES: Django's JSON with full-precision datetimes.
EXACT_JSON = "json-exact"

PRODUCT = "sanphalang"
FORMAT_VERSION = 2  # 1 was a bare gzip JSON list of records, without files: still restored
MANIFEST = "manifest.json"
DATABASE = "database.json"
FILES = "files/"
CHUNK = 1024 * 1024


class BackupError(Exception):
    def __init__(self, problem: BackupProblem, **params):
        self.code = problem.code
        self.message = problem.message(**params)
        super().__init__(self.message)


@dataclass
class Backup:
    """A verified backup: where it is, its format, and the stored files it holds (their paths under MEDIA_ROOT)."""

    path: Path
    version: int
    files: list[str]


def _sha256(stream) -> str:
    digest = hashlib.sha256()
    for chunk in iter(lambda: stream.read(CHUNK), b""):
        digest.update(chunk)
    return digest.hexdigest()


def _stored_files() -> Iterator[tuple[str, Path]]:
    """Every file of the default storage (attachments and any other FileField), as (name, path)."""
    root = Path(settings.MEDIA_ROOT)
    if not root.is_dir():
        return
    for folder, _dirs, names in os.walk(root):
        for name in sorted(names):
            path = Path(folder) / name
            yield path.relative_to(root).as_posix(), path


def backup_write(path: Path) -> int:
    """Write the database (every record but EXCLUDED) and every stored file to path; returns the file count."""
    with tempfile.TemporaryDirectory() as tmp:
        dump = Path(tmp) / DATABASE
        call_command(
            "dumpdata",
            exclude=EXCLUDED,
            natural_foreign=True,
            output=str(dump),
            verbosity=0,
            format=EXACT_JSON,
        )
        entries = {DATABASE: dump, **{FILES + name: file for name, file in _stored_files()}}
        manifest = {
            "product": PRODUCT,
            "format": FORMAT_VERSION,
            "created": dt.datetime.now(dt.UTC).isoformat(),
            "entries": {},
        }
        archive_path = Path(tmp) / "backup.zip"
        with zipfile.ZipFile(archive_path, "w", zipfile.ZIP_DEFLATED, allowZip64=True) as archive:
            for name, source in entries.items():
                with source.open("rb") as stream:
                    checksum = _sha256(stream)
                archive.write(source, name)
                manifest["entries"][name] = {"size": source.stat().st_size, "sha256": checksum}
            archive.writestr(MANIFEST, json.dumps(manifest, indent=1, ensure_ascii=False))
        shutil.move(archive_path, path)
    return len(entries) - 1


def _is_safe(name: str) -> bool:
    parts = PurePosixPath(name).parts
    return bool(parts) and not name.startswith("/") and ".." not in parts and "\\" not in name


def _verify(archive: zipfile.ZipFile, path: Path) -> dict:
    """The manifest, once every entry it lists is there with its checksum; BackupError otherwise."""
    try:
        manifest = json.loads(archive.read(MANIFEST))
    except KeyError:
        raise BackupError(BackupProblem.FOREIGN, path=path) from None
    except (ValueError, UnicodeDecodeError):
        raise BackupError(BackupProblem.NOT_A_BACKUP, path=path) from None
    if not isinstance(manifest, dict) or manifest.get("product") != PRODUCT:
        raise BackupError(BackupProblem.FOREIGN, path=path)
    version = manifest.get("format")
    if not isinstance(version, int) or version > FORMAT_VERSION:
        raise BackupError(BackupProblem.NEWER_FORMAT, path=path, version=version)
    entries = manifest.get("entries")
    if not isinstance(entries, dict) or DATABASE not in entries:
        raise BackupError(BackupProblem.MISSING_ENTRY, path=path, entry=DATABASE)
    present = set(archive.namelist()) - {MANIFEST}
    for name in sorted(present | set(entries)):
        if name != DATABASE and not (name.startswith(FILES) and _is_safe(name[len(FILES) :])):
            raise BackupError(BackupProblem.UNSAFE_ENTRY, path=path, entry=name)
        if name not in present:
            raise BackupError(BackupProblem.MISSING_ENTRY, path=path, entry=name)
        expected = entries.get(name)
        with archive.open(name) as stream:
            checksum = _sha256(stream)
        if not isinstance(expected, dict) or expected.get("sha256") != checksum:
            raise BackupError(BackupProblem.DAMAGED, path=path, entry=name)
    return manifest


@contextmanager
def _opened(path: Path) -> Iterator[zipfile.ZipFile]:
    try:
        with zipfile.ZipFile(path) as archive:
            yield archive
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError, NotImplementedError):
        raise BackupError(BackupProblem.NOT_A_BACKUP, path=path) from None


def _read_legacy(path: Path) -> list:
    """The records of a format-1 backup (gzip JSON), or BackupError if it is not one."""
    try:
        with gzip.open(path, "rt", encoding="utf-8") as stream:
            records = json.load(stream)
    except (OSError, EOFError, UnicodeDecodeError, ValueError):
        raise BackupError(BackupProblem.NOT_A_BACKUP, path=path) from None
    if not isinstance(records, list):
        raise BackupError(BackupProblem.NOT_A_BACKUP, path=path)
    return records


def _is_legacy(path: Path) -> bool:
    with path.open("rb") as stream:
        return stream.read(2) == b"\x1f\x8b"


def backup_read(path: Path) -> Backup:
    """The backup at path, every checksum verified, or BackupError saying why it cannot be restored."""
    try:
        if _is_legacy(path):
            _read_legacy(path)
            return Backup(path=path, version=1, files=[])
        with _opened(path) as archive:
            manifest = _verify(archive, path)
    except OSError:
        raise BackupError(BackupProblem.NOT_A_BACKUP, path=path) from None
    names = sorted(name[len(FILES) :] for name in manifest["entries"] if name.startswith(FILES))
    return Backup(path=path, version=manifest["format"], files=names)


@contextmanager
def _history_paused():
    """Loading a many-to-many field fires m2m_changed, which would add history rows the backup already holds."""
    previous = getattr(settings, "SIMPLE_HISTORY_ENABLED", True)
    settings.SIMPLE_HISTORY_ENABLED = False
    try:
        yield
    finally:
        settings.SIMPLE_HISTORY_ENABLED = previous


def _unpack(backup: Backup, tmp: Path) -> tuple[Path, Path | None]:
    """The backup's database fixture and (format 2) a folder with its stored files, written under tmp."""
    fixture = tmp / "backup.json"
    if backup.version == 1:
        fixture.write_text(json.dumps(_read_legacy(backup.path), ensure_ascii=False), encoding="utf-8")
        return fixture, None
    media = tmp / "media"
    media.mkdir()
    with _opened(backup.path) as archive:
        with archive.open(DATABASE) as source, fixture.open("wb") as target:
            shutil.copyfileobj(source, target, CHUNK)
        for name in backup.files:
            destination = media / name
            destination.parent.mkdir(parents=True, exist_ok=True)
            with archive.open(FILES + name) as source, destination.open("wb") as target:
                shutil.copyfileobj(source, target, CHUNK)
    return fixture, media


@contextmanager
def _media_replaced(staged: Path | None):
    """MEDIA_ROOT swapped for the staged folder; swapped back if the block fails, the old one dropped if not."""
    if staged is None:
        yield
        return
    root = Path(settings.MEDIA_ROOT)
    root.parent.mkdir(parents=True, exist_ok=True)
    aside = root.with_name(f".{root.name}-before-restore")
    shutil.rmtree(aside, ignore_errors=True)
    had_root = root.exists()
    if had_root:
        root.rename(aside)
    # The staging folder may be on another file system than MEDIA_ROOT: move copies then.
    shutil.move(staged, root)
    try:
        yield
    except BaseException:
        shutil.rmtree(root, ignore_errors=True)
        if had_root:
            aside.rename(root)
        raise
    shutil.rmtree(aside, ignore_errors=True)


def backup_restore(backup: Backup) -> int:
    """Replace the whole database and every stored file with the backup: migrate, then flush and load in one
    transaction, the files swapped in around it, so a backup that fails to load leaves data and files as they
    were. A format-1 backup holds no files: the stored files are left as they are. Returns the records loaded."""
    call_command("migrate", interactive=False, verbosity=0)
    with tempfile.TemporaryDirectory(dir=Path(settings.MEDIA_ROOT).parent) as tmp:
        fixture, staged = _unpack(backup, Path(tmp))
        count = len(json.loads(fixture.read_bytes()))
        # The files are swapped in first and put back if the load or its commit fails.
        with _media_replaced(staged), transaction.atomic(), _history_paused():
            # PostgreSQL refuses TRUNCATE while deferred foreign-key checks of this transaction are pending:
            # settle them first (check_constraints sets them IMMEDIATE, then DEFERRED again for loaddata).
            connection.check_constraints()
            # flush re-creates content types and permissions (post_migrate); the backup refers to them by name.
            call_command("flush", interactive=False, verbosity=0)
            try:
                call_command("loaddata", str(fixture), verbosity=0)
            except (DeserializationError, DatabaseError, ValueError, LookupError) as error:
                raise BackupError(
                    BackupProblem.LOAD_FAILED, path=backup.path, reason=str(error)[:300]
                ) from None
    return count
