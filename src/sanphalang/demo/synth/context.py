"""What every part of a synthesis shares: the scale, a random stream per part, batched inserts that move the
progress bar, and what the parts before it made."""

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import reduce
from operator import or_

from django.db import models
from django.db.models import Q

from sanphalang.areas.models import Area, AreaLevel

from .scales import Scale

BATCH_SIZE = 2000


@dataclass
class SynthContext:
    scale: Scale
    seed: int
    by: object  # the administrator who owns the synthetic records
    advance: Callable[[int], None] = lambda rows: None
    made: dict = field(default_factory=dict)  # what a part leaves for the parts after it, by name
    counts: dict = field(default_factory=dict)  # rows written, by model label

    def rng(self, topic: str) -> random.Random:
        """A random stream of its own for each topic: one part drawing more numbers leaves the others as they were."""
        return random.Random(f"{self.seed}:{topic}")

    def insert(self, model: type[models.Model], rows: list) -> list:
        """Write the rows in batches (they get their primary keys) and count them."""
        for start in range(0, len(rows), BATCH_SIZE):
            batch = rows[start : start + BATCH_SIZE]
            model.objects.bulk_create(batch, batch_size=BATCH_SIZE)
            self.advance(len(batch))
        label = model._meta.label
        self.counts[label] = self.counts.get(label, 0) + len(rows)
        return rows

    def province_codes(self) -> list[str]:
        if self.scale.provinces is not None:
            return list(self.scale.provinces)
        return list(
            Area.objects.filter(level=AreaLevel.PROVINCE).order_by("code").values_list("code", flat=True)
        )

    def areas_of(self, level: str) -> list[Area]:
        """The official areas of a level in the scale's provinces, in code order."""
        qs = Area.objects.filter(level=level, is_official=True).order_by("code")
        if self.scale.provinces is not None:
            qs = qs.filter(reduce(or_, (Q(code__startswith=code) for code in self.scale.provinces)))
        return list(qs.select_related("parent__parent"))
