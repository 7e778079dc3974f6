"""Deterministic synthetic data for every app, at the scale of a test, a province or the whole country.

Each app adds its part to PARTS; a part reads what the parts before it made (ctx.made) and writes with bulk
inserts. The same scale and seed give the same data; records are dated as of a fixed day, not today.

Synthetic data goes only into a database that holds no records of people's work: mixed with real records it
could never be told apart from them again.
"""

import time
from collections.abc import Callable

from django.contrib.auth import get_user_model
from django.db import transaction

from sanphalang.accounts.models import Role
from sanphalang.accounts.services import user_create
from sanphalang.areas.models import Region
from sanphalang.care.models import Household
from sanphalang.directory.models import Organisation, Person
from sanphalang.meetings.models import Body, Meeting
from sanphalang.plans.models import Plan
from sanphalang.welfare.models import Fund

from . import accounts, areas, care, directory, meetings, plans, welfare
from .context import SynthContext
from .scales import SCALES, Scale

# (name, fill): in the order they run; a later app appends its own.
PARTS: list[tuple[str, Callable[[SynthContext], None]]] = [
    ("areas", areas.fill),
    ("directory", directory.fill),
    ("accounts", accounts.fill),
    ("meetings", meetings.fill),
    ("welfare", welfare.fill),
    ("plans", plans.fill),
    ("care", care.fill),
]
# Any row of these means the database already holds someone's work.
REAL_DATA_MODELS = (get_user_model(), Organisation, Person, Region, Body, Meeting, Fund, Plan, Household)


class DatabaseNotEmpty(Exception):
    def __init__(self, labels: list[str]):
        self.labels = labels
        super().__init__(", ".join(labels))


def records_present() -> list[str]:
    """The kinds of record the database already holds (the official areas and issue areas do not count)."""
    return [str(model._meta.verbose_name_plural) for model in REAL_DATA_MODELS if model.objects.exists()]


@transaction.atomic
def synthesize(
    *, scale: Scale | str, seed: int, on_part: Callable[[str], Callable[[int], None]] | None = None
) -> SynthContext:
    """Fill every app with synthetic data in one transaction; on_part(name) returns the callback told of rows
    as they are written. Raises DatabaseNotEmpty if the database holds records already."""
    present = records_present()
    if present:
        raise DatabaseNotEmpty(present)
    if isinstance(scale, str):
        scale = SCALES[scale]
    admin = user_create(
        username=f"{accounts.USERNAME_PREFIX}admin",
        password=accounts.PASSWORD,
        role=Role.ADMINISTRATOR,
        first_name="ผู้ดูแล",
        last_name="ข้อมูลจำลอง",
        is_superuser=True,
    )
    ctx = SynthContext(scale=scale, seed=seed, by=admin, counts={admin._meta.label: 1})
    for name, fill in PARTS:
        started = time.perf_counter()
        ctx.advance = on_part(name) if on_part else (lambda rows: None)
        fill(ctx)
        ctx.made.setdefault("seconds", {})[name] = time.perf_counter() - started
    return ctx
