"""The audit trail: reads and writes of personal records, and who made each change kept in history."""

from django.db import models, transaction

from sanphalang.versions import Versioned, claim_next_version

from .models import AccessAction, AccessLog


def log_access(user, action: str, obj: models.Model, *, channel: str = "web", detail: str = "") -> None:
    AccessLog.objects.create(
        user=user if getattr(user, "pk", None) else None,
        username=getattr(user, "username", "") or "",
        action=action,
        model=obj._meta.label_lower,
        object_id=str(obj.pk),
        object_repr=str(obj)[:200],
        channel=channel,
        detail=detail[:300],
    )


def log_reads(user, objects, *, channel: str = "web", detail: str = "") -> None:
    """Log a read of many records at once, as a list page or an export does."""
    rows = [
        AccessLog(
            user=user if getattr(user, "pk", None) else None,
            username=getattr(user, "username", "") or "",
            action=AccessAction.READ if detail != "export" else AccessAction.EXPORT,
            model=obj._meta.label_lower,
            object_id=str(obj.pk),
            object_repr=str(obj)[:200],
            channel=channel,
            detail=detail[:300],
        )
        for obj in objects
    ]
    AccessLog.objects.bulk_create(rows, batch_size=1000)


def stamp(obj: models.Model, user) -> models.Model:
    """Name the user in the history row that saving obj writes (also outside a web request)."""
    if getattr(user, "pk", None):
        obj._history_user = user
    return obj


def validated_save(obj: models.Model, by) -> models.Model:
    """The one write step of every service: validate (field errors for the form), name the author, save. A
    versioned record already saved first claims its next version (sanphalang/versions.py): a change built on an
    old version is refused with VersionConflict, nothing saved."""
    obj.full_clean()
    with transaction.atomic():
        if isinstance(obj, Versioned) and not obj._state.adding:
            claim_next_version(obj)
        stamp(obj, by).save()
    return obj
