"""Pages of the directory, one module per topic: organisations, people, issue areas, and the area finder."""

from django.utils.translation import ngettext


def records_added_message(count: int) -> str:
    """How a page says that a batch (attendance typed in, a report accepted) added new records to the directory."""
    return ngettext(
        "%(count)s new record was added to the directory.",
        "%(count)s new records were added to the directory.",
        count,
    ) % {"count": count}
