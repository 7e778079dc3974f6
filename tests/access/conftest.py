"""The records of two other areas (Mae Sai, 5709, and Phayao, 56) and the cast, built once for all the access tests.

They are written inside one transaction that each test nests its own in (as Django's setUpTestData does) and
that is rolled back when the last access test of the process is done, so no other test ever sees them. Every test
here that reads the database uses them (the world's baselines count on it). Each test process builds them once:
its tests come in the order they were collected, so the access tests of a process run one after another.
"""

from dataclasses import dataclass, field

import pytest
from django.conf import settings
from django.test import Client

from sanphalang.accounts.services import api_token_create
from tests.conftest import Cast, build_cast, rolled_back

from .probes import fingerprint
from .records import AreaRecords, build_area_records


@dataclass
class World:
    cast: Cast
    maesai: AreaRecords
    phayao: AreaRecords
    tokens: dict  # username -> raw API token
    sessions: dict  # username -> the key of a session logged in as the user
    baselines: dict = field(default_factory=dict)

    def fingerprint_before(self, user) -> dict:
        """The database as every test starts (each rolls back what it did), seen by the user: taken once."""
        key = user.pk if user else None
        if key not in self.baselines:
            self.baselines[key] = fingerprint(user)
        return self.baselines[key]

    clients: dict = field(default_factory=dict)

    def client(self, user, *, api: bool = False) -> Client:
        """A client logged in as the user (or anonymous): by a session kept for the module, or by an API token.
        The client is kept too: a new one loads the middleware again, and WhiteNoise's looks at every static file."""
        key = (user.username if user else None, api)
        if key not in self.clients:
            token = api and user is not None
            self.clients[key] = Client(
                headers={"Authorization": f"Bearer {self.tokens[user.username]}"} if token else {}
            )
        client = self.clients[key]
        client.cookies.clear()
        if user is not None and not api:
            client.cookies[settings.SESSION_COOKIE_NAME] = self.sessions[user.username]
        return client

    def records(self, name: str) -> AreaRecords:
        return getattr(self, name)


@pytest.fixture(scope="package")
def world(django_db_setup, django_db_blocker):
    with rolled_back(django_db_blocker):
        cast = build_cast()
        maesai = build_area_records(
            label="maesai",
            owner=cast.maesai_coordinator,
            province_owner=cast.chiangrai_coordinator,
            district_code="5709",
            subdistrict_code="570901",
            marker="ลับแม่สาย",
            province_marker="ลับเชียงราย",
            id_stem="310170020345",
        )
        phayao = build_area_records(
            label="phayao",
            owner=cast.phayao_coordinator,
            province_owner=cast.phayao_coordinator,
            district_code="5601",
            subdistrict_code="560101",
            marker="ลับพะเยา",
            province_marker="ลับพะเยา",
            id_stem="356010012345",
        )
        tokens = {
            user.username: api_token_create(user=user, name="access tests")[1] for user in vars(cast).values()
        }
        sessions = {}
        for user in vars(cast).values():
            client = Client()
            client.force_login(user)
            sessions[user.username] = client.cookies[settings.SESSION_COOKIE_NAME].value
        yield World(cast=cast, maesai=maesai, phayao=phayao, tokens=tokens, sessions=sessions)


def pytest_terminal_summary(terminalreporter):
    from .test_routes import COVERAGE

    terminalreporter.write_line(
        "access tests cover: " + ", ".join(f"{value} {key}" for key, value in COVERAGE.items())
    )
