"""The audit trail: reads and writes of personal records, and who made each change kept in history."""

from contextvars import ContextVar

from axes.helpers import get_client_ip_address
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.db import models, transaction

from sanphalang.thai.names import strip_unsafe_characters
from sanphalang.versions import Versioned, claim_next_version

from .models import AccessAction, AccessLog

# The address of the request being served, for the access log's "from where" (set by RequestAddressMiddleware).
_request_address: ContextVar[str | None] = ContextVar("request_address", default=None)


class RequestAddressMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _request_address.set(get_client_ip_address(request) or None)
        try:
            return self.get_response(request)
        finally:
            _request_address.reset(token)


def log_access(user, action: str, obj: models.Model, *, channel: str = "web", detail: str = "") -> None:
    AccessLog.objects.create(
        address=_request_address.get(),
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
            address=_request_address.get(),
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
    """The one write step of every service: tidy and validate the text (field errors for the form), name the
    author, save. A versioned record already saved first claims its next version (sanphalang/versions.py): a
    change built on an old version is refused with VersionConflict, nothing saved."""
    errors = _tidy_text_fields(obj)
    try:
        obj.full_clean()
    except ValidationError as error:
        errors = error.update_error_dict(errors)
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        if isinstance(obj, Versioned) and not obj._state.adding:
            claim_next_version(obj)
        stamp(obj, by).save()
    return obj


def _tidy_text_fields(obj: models.Model) -> dict[str, list[ValidationError]]:
    """The text rules of every channel (page, API, import), from the model's own fields: an empty optional text is
    "" (never NULL), control characters and direction overrides are dropped, and a long text field keeps to its
    max_length as a short one does (Django checks max_length only on CharField)."""
    errors: dict[str, list[ValidationError]] = {}
    for field in obj._meta.concrete_fields:
        if not isinstance(field, models.CharField | models.TextField):
            continue
        value = getattr(obj, field.attname)
        if value is None and not field.null:
            setattr(obj, field.attname, "")
        elif isinstance(value, str):
            value = strip_unsafe_characters(value)
            setattr(obj, field.attname, value)
            if isinstance(field, models.TextField) and field.max_length:
                try:
                    MaxLengthValidator(field.max_length)(value)
                except ValidationError as error:
                    errors[field.name] = error.error_list
    return errors
