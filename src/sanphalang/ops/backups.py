"""Portable backups: the whole database as gzip JSON through Django's serialisers, restorable on SQLite or
PostgreSQL whatever the primary keys of the target's content types."""

import gzip
import json
import shutil
import tempfile
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.db import connection, transaction

# Rebuilt by migrate on any database, or not worth keeping; references to permissions go by natural key.
EXCLUDED = ["contenttypes", "auth.permission", "sessions", "admin.logentry"]


# Registered in settings.SERIALIZATION_MODULES: Django's JSON with full-precision datetimes.
EXACT_JSON = "json-exact"


class BackupError(Exception):
    pass


def backup_write(path: Path) -> None:
    """Write every record (but EXCLUDED) to path as gzip-compressed JSON."""
    with tempfile.TemporaryDirectory() as tmp:
        dump = Path(tmp) / "backup.json.gz"
        call_command(
            "dumpdata",
            exclude=EXCLUDED,
            natural_foreign=True,
            output=str(dump),
            verbosity=0,
            format=EXACT_JSON,
        )
        shutil.move(dump, path)


def backup_read(path: Path) -> list:
    """The records of a backup file, or BackupError if it is not one."""
    try:
        with gzip.open(path, "rt", encoding="utf-8") as stream:
            records = json.load(stream)
    except (OSError, EOFError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise BackupError(f"{path} is not a Sanphalang backup (gzip JSON): {error}") from None
    if not isinstance(records, list):
        raise BackupError(f"{path} is not a Sanphalang backup: it holds no list of records.")
    return records


@contextmanager
def _history_paused():
    """Loading a many-to-many field fires m2m_changed, which would add history rows the backup already holds."""
    previous = getattr(settings, "SIMPLE_HISTORY_ENABLED", True)
    settings.SIMPLE_HISTORY_ENABLED = False
    try:
        yield
    finally:
        settings.SIMPLE_HISTORY_ENABLED = previous


def backup_restore(path: Path) -> int:
    """Replace the whole database with the backup: migrate, then flush and load in one transaction, so a backup
    that fails to load leaves the data as it was. Returns the number of records loaded."""
    records = backup_read(path)
    call_command("migrate", interactive=False, verbosity=0)
    with tempfile.TemporaryDirectory() as tmp:
        fixture = Path(tmp) / "backup.json"
        fixture.write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
        with transaction.atomic(), _history_paused():
            # PostgreSQL refuses TRUNCATE while deferred foreign-key checks of this transaction are pending:
            # settle them first (check_constraints sets them IMMEDIATE, then DEFERRED again for loaddata).
            connection.check_constraints()
            # flush re-creates content types and permissions (post_migrate); the backup refers to them by name.
            call_command("flush", interactive=False, verbosity=0)
            call_command("loaddata", str(fixture), verbosity=0)
    return len(records)
