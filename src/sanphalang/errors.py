"""The errors a service raises for the user to read: a code, a message in the user's language, and a field."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext as _


class DomainError(Exception):
    """A rule of the domain refused the request; message is translatable and safe to show."""

    status = 400

    def __init__(self, code: str, message: str, *, field: str | None = None):
        super().__init__(str(message))
        self.code = code
        self.message = message
        self.field = field


class AccessDenied(PermissionDenied):
    """The user's role or areas do not allow this read or write."""

    def __init__(self, message: str = "", *, code: str = "access_denied"):
        super().__init__(message)
        self.code = code
        self.message = message


def reject_unknown_fields(fields: dict, allowed: set[str]) -> None:
    """A service refuses fields it does not set, at the field, rather than ignoring them silently."""
    unknown = sorted(set(fields) - allowed)
    if unknown:
        raise ValidationError({name: _("This field cannot be set here.") for name in unknown})
