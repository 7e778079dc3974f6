"""The demo data, loaded once for all the tests of this folder instead of once per test."""

import pytest
from django.db import transaction


@pytest.fixture(scope="package")
def _demo_loaded(django_db_setup, django_db_blocker) -> dict:
    from sanphalang.demo.loader import load_demo

    # Loaded in a transaction that is rolled back after the last demo test, so no other test sees the demo.
    with django_db_blocker.unblock(), transaction.atomic():
        loaded = load_demo()
        yield loaded
        transaction.set_rollback(True)


@pytest.fixture
def demo(_demo_loaded, db) -> dict:
    """What load_demo() returned on the empty database. Each test runs in a savepoint of its own inside the
    demo's transaction (the `db` fixture), so what one test writes is gone before the next."""
    return _demo_loaded


@pytest.fixture
def demo_admin(demo):
    from django.contrib.auth import get_user_model

    return get_user_model().objects.get(username="admin")
