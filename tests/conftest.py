"""The shared cast of users: one who owns the data, colleagues with narrower or read-only access, and
outsiders who must get nothing."""

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import pytest
from django.db import transaction
from django.test import Client

from sanphalang.accounts.models import Role
from sanphalang.accounts.services import user_create

PASSWORD = "correct-horse-battery-staple-42"


def pytest_configure(config):
    from django.conf import settings

    # Hashing a password the production way takes a third of a second; the cast has eight users per test.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def empty_cache():
    """Cached API-token users must not leak from one test into the next."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@dataclass
class Cast:
    admin: object
    chiangrai_coordinator: object  # provincial coordinator of Chiang Rai (57)
    mueang_coordinator: object  # area coordinator of Mueang Chiang Rai district (5701)
    maesai_coordinator: object  # area coordinator of Mae Sai district (5709)
    chiangrai_viewer: object  # reads all of Chiang Rai, writes nothing
    chiangrai_partner: object  # partner agency in Chiang Rai
    phayao_coordinator: object  # provincial coordinator of Phayao (56): an outsider to Chiang Rai
    unassigned: object  # an area coordinator with no areas yet


@contextmanager
def rolled_back(django_db_blocker) -> Iterator[None]:
    """Records a module-scoped fixture builds once for all its tests: written inside one transaction that is
    rolled back when the module ends, so the tests see them and the database is left as it was."""
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            yield
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


def build_cast() -> Cast:
    """The users of the cast, written to the database (the access tests build them once per module)."""

    def make(username, role, areas=()):
        return user_create(username=username, password=PASSWORD, role=role, area_codes=list(areas))

    return Cast(
        admin=make("admin", Role.ADMINISTRATOR),
        chiangrai_coordinator=make("cr_coord", Role.PROVINCIAL_COORDINATOR, ["57"]),
        mueang_coordinator=make("mueang_coord", Role.AREA_COORDINATOR, ["5701"]),
        maesai_coordinator=make("maesai_coord", Role.AREA_COORDINATOR, ["5709"]),
        chiangrai_viewer=make("cr_viewer", Role.VIEWER, ["57"]),
        chiangrai_partner=make("cr_partner", Role.PARTNER, ["57"]),
        phayao_coordinator=make("py_coord", Role.PROVINCIAL_COORDINATOR, ["56"]),
        unassigned=make("nobody", Role.AREA_COORDINATOR),
    )


@pytest.fixture
def cast(db) -> Cast:
    return build_cast()


@pytest.fixture
def client_for(db):
    """A logged-in test client for a user of the cast."""

    def make(user) -> Client:
        client = Client()
        client.force_login(user)
        return client

    return make


@pytest.fixture
def api_for(db):
    """An API client authenticated with a fresh token of the given user (the API's tests and the meetings')."""
    from sanphalang.accounts.services import api_token_create
    from tests.api.conftest import ApiClient

    def make(user):
        _token, raw = api_token_create(user=user, name="tests")
        return ApiClient(raw)

    return make


@pytest.fixture(autouse=True)
def jobs_run_at_once(settings):
    """Jobs run inside the request that queues them; the tests of workers (tests/jobs) use the database queue."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
