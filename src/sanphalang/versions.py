"""Versions of the records people edit: the number each carries, and the claim of the next one on saving.

Every editable record counts its saves in `version`. A change is built on the version its form or request was
read at; saving claims the next version with one conditional UPDATE (`WHERE pk = … AND version = expected`), so
of two changes built on the same version exactly one lands, on SQLite and PostgreSQL alike, and the other is
refused with both sides (`VersionConflict`). `accounts/audit.py: validated_save` is the one place that claims.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from sanphalang.errors import Conflict, VersionConflict

# Bookkeeping columns: recomputed on every save from the others, never what two people disagree about.
BOOKKEEPING_FIELDS = {"search_key", "sort_key", "updated_at", "created_at", "version"}


class Versioned(models.Model):
    """An editable record: its version, 1 when created, one more at each save."""

    version = models.PositiveIntegerField(
        gettext_lazy("version"),
        default=1,
        editable=False,
        help_text=gettext_lazy(
            "How many times the record has been saved; a change must be built on the latest."
        ),
    )

    class Meta:
        abstract = True


def expect_version(record: models.Model, version: int | None) -> None:
    """The caller built its change on this version of the record (None: on the one the record was read at)."""
    if version is not None:
        record.version = version


def compared_fields(model) -> list[models.Field]:
    """The fields of a record two people can disagree about: the concrete ones a person edits."""
    return [
        field
        for field in model._meta.concrete_fields
        if not field.primary_key and field.name not in BOOKKEEPING_FIELDS
    ]


def claim_next_version(record: models.Model) -> None:
    """Claim the next version of a saved record, or raise VersionConflict if another save claimed it first.
    Inside the caller's transaction: the row stays locked until it commits, so a second claim waits and then
    finds the version moved on."""
    expected = record.version
    claimed = (
        type(record)._base_manager.filter(pk=record.pk, version=expected).update(version=F("version") + 1)
    )
    if not claimed:
        raise _conflict(record)
    record.version = expected + 1


def _conflict(record: models.Model) -> ValidationError:
    from sanphalang.thai.templatetags.thai import be_datetime

    current = type(record)._base_manager.filter(pk=record.pk).first()
    if current is None:
        return Conflict.REMOVED.error(None)
    changes = [
        field.name
        for field in compared_fields(type(record))
        if field.value_from_object(record) != field.value_from_object(current)
    ]
    last = (
        current.history.order_by("-history_date", "-history_id").first()
        if hasattr(current, "history")
        else None
    )
    saved_by = getattr(last, "history_user", None)
    saved_at = getattr(last, "history_date", None)
    return VersionConflict(
        yours=record,
        current=current,
        changes=changes,
        saved_by=saved_by,
        saved_at=saved_at,
        who=(saved_by.get_full_name() or saved_by.username) if saved_by else _("someone"),
        when=be_datetime(saved_at) if saved_at else _("a moment ago"),
    )
