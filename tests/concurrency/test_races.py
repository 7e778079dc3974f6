"""Two people save one record at the same moment, each on the version they read, in two threads with their own
database connections: exactly one change lands, the other is refused, on SQLite and PostgreSQL alike."""

import threading
import time

from django.db import OperationalError, connection

from sanphalang.directory.models import Organisation
from sanphalang.directory.services import organisation_create, organisation_update
from sanphalang.errors import VersionConflict
from tests.conftest import build_cast
from tests.e2e.conftest import official_areas_copy, reference_data  # noqa: F401 (fixtures)


def save_waiting_for_the_lock(write) -> None:
    """Run write, waiting while the other writer holds the database. PostgreSQL waits on the row by itself, and so
    does a SQLite file (its timeout); Django's in-memory SQLite test database (shared cache) answers "locked" at
    once instead, so the wait is done here as the file's busy handler would."""
    for _attempt in range(200):
        try:
            return write()
        except OperationalError as error:
            if "locked" not in str(error):
                raise
            time.sleep(0.05)
    raise AssertionError("the other writer never let go of the database")


# reference_data: a test that ran before in this process may have emptied the tables, the official areas with them.
def test_two_saves_at_once_on_one_version_land_once(reference_data):  # noqa: F811
    # given an organisation and two coordinators who read it at version 1
    cast = build_cast()
    organisation = organisation_create(
        by=cast.maesai_coordinator,
        kind="community_organisation",
        name_th="กลุ่มออมทรัพย์บ้านเวียง",
        area_code="570901",
    )
    editors = {
        "กลุ่มออมทรัพย์บ้านป่าซาง": cast.maesai_coordinator,
        "กลุ่มออมทรัพย์บ้านสันทราย": cast.chiangrai_coordinator,
    }
    both_read = threading.Barrier(len(editors))
    outcomes: dict[str, object] = {}

    def save(name: str, by) -> None:
        try:
            copy = Organisation.objects.get(pk=organisation.pk)
            both_read.wait(timeout=30)
            # when each saves its own name on the version it read, at once
            save_waiting_for_the_lock(
                lambda: organisation_update(by=by, organisation=copy, version=1, name_th=name)
            )
            outcomes[name] = "saved"
        except VersionConflict as conflict:
            outcomes[name] = conflict
        except Exception as error:  # noqa: BLE001 - shown by the assertion below
            outcomes[name] = repr(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=save, args=item) for item in editors.items()]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    # then one change landed and the other was refused naming it
    landed = [name for name, outcome in outcomes.items() if outcome == "saved"]
    refused = [outcome for outcome in outcomes.values() if isinstance(outcome, VersionConflict)]
    assert len(landed) == 1 and len(refused) == 1, outcomes
    saved = Organisation.objects.get(pk=organisation.pk)
    assert saved.name_th == landed[0]
    assert saved.version == 2
    assert refused[0].current.name_th == landed[0]
