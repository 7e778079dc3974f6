"""Due dates of recurring action items: every N months from the series' first due date, clamped to month ends."""

import datetime as dt

from dateutil.relativedelta import relativedelta

MAX_RECURRENCE_MONTHS = 24


def occurrence_due(first_due: dt.date, every_months: int, sequence: int) -> dt.date:
    """The due date of the sequence-th occurrence (1 is the first).

    Counted from the first due date, not from the previous one, so a series due on 31 January stays on month
    ends (30 April, 31 July, 31 October) instead of drifting to the 30th.
    """
    return first_due + relativedelta(months=every_months * (sequence - 1))


def next_occurrence(first_due: dt.date, every_months: int, sequence: int, until: dt.date | None):
    """(sequence, due date) of the occurrence after this one, or None when the series has ended."""
    due = occurrence_due(first_due, every_months, sequence + 1)
    if until is not None and due > until:
        return None
    return sequence + 1, due
