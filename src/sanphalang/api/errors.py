"""Every API error as JSON {"detail", "code", "errors": [{"field", "message"}]}, in the request's language."""

import logging

from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import DataError
from django.db.models import ProtectedError, RestrictedError
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import NinjaAPI, Schema
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as NinjaValidationError

from sanphalang.errors import AccessDenied, still_referred_to_message

from .parser import BodyNotAnObject

logger = logging.getLogger("sanphalang.api")

# Where a request value came from, as pydantic names it; dropped from the field path the client sees.
_SOURCES = {"body", "query", "path", "header", "cookie", "form", "file", "payload", "filters", "page"}


class ErrorItemOut(Schema):
    field: str | None = None
    message: str


class ErrorOut(Schema):
    """The body of every error answer."""

    detail: str
    code: str
    errors: list[ErrorItemOut]


class ApiError(HttpError):
    """An error the API itself raises, with a code a client can act on."""

    def __init__(
        self,
        status_code: int,
        message: str,
        *,
        code: str,
        field: str | None = None,
        headers: dict[str, str] | None = None,
    ):
        super().__init__(status_code, message)
        self.code = code
        self.message = message
        self.field = field
        self.headers = headers or {}


def error_body(detail: str, code: str, errors: list[dict] | None = None) -> dict:
    return {"detail": str(detail), "code": code, "errors": errors or []}


def _respond(api: NinjaAPI, request: HttpRequest, status: int, body: dict) -> HttpResponse:
    return api.create_response(request, body, status=status)


def _pydantic_message(error: dict) -> str:
    """Django's own (translated) wording for the usual pydantic errors, else pydantic's."""
    kind = error.get("type", "")
    ctx = error.get("ctx") or {}
    if kind == "missing":
        return _("This field is required.")
    if kind == "extra_forbidden":
        return _("This field cannot be set here.")
    if kind == "value_error" and "error" in ctx:
        return str(ctx["error"])
    if kind in {"int_parsing", "int_type", "int_from_float"}:
        return _("Enter a whole number.")
    if kind in {"float_parsing", "float_type", "decimal_parsing", "decimal_type"}:
        return _("Enter a number.")
    if kind.startswith("date") or kind.startswith("datetime"):
        return _("Enter a date such as 20/7/2558, 20 ก.ค. 2558 or 2015-07-20.")
    if kind in {"less_than_equal", "less_than"}:
        return _("Ensure this value is less than or equal to %(limit_value)s.") % {
            "limit_value": ctx.get("le", ctx.get("lt"))
        }
    if kind in {"greater_than_equal", "greater_than"}:
        return _("Ensure this value is greater than or equal to %(limit_value)s.") % {
            "limit_value": ctx.get("ge", ctx.get("gt"))
        }
    if kind == "enum" or kind == "literal_error":
        return _("Select a valid choice. %(value)s is not one of the available choices.") % {
            "value": error.get("input")
        }
    if kind in {
        "string_type",
        "bool_type",
        "bool_parsing",
        "list_type",
        "model_type",
        "dict_type",
        "model_attributes_type",
    }:
        return _("Enter a valid value.")
    if kind == "string_too_long":
        return _("Ensure this value has at most %(limit_value)d characters.") % {
            "limit_value": ctx.get("max_length", 0)
        }
    return str(error.get("msg", _("Enter a valid value.")))


def _field_path(loc) -> str | None:
    parts = [str(part) for part in loc or () if str(part) not in _SOURCES]
    return ".".join(parts) or None


def _django_errors(exc: DjangoValidationError) -> list[dict]:
    if hasattr(exc, "error_dict"):
        return [
            {"field": None if field == NON_FIELD_ERRORS else field, "message": str(message)}
            for field, messages in exc.message_dict.items()
            for message in messages
        ]
    return [{"field": None, "message": str(message)} for message in exc.messages]


def register_error_handlers(api: NinjaAPI) -> None:
    @api.exception_handler(DjangoValidationError)
    def on_invalid(request, exc: DjangoValidationError):
        errors = _django_errors(exc)
        return _respond(
            api,
            request,
            422,
            error_body(errors[0]["message"] if errors else _("Enter a valid value."), "invalid", errors),
        )

    @api.exception_handler(NinjaValidationError)
    def on_schema_invalid(request, exc: NinjaValidationError):
        errors = [
            {"field": _field_path(error.get("loc")), "message": _pydantic_message(error)}
            for error in exc.errors
        ]
        detail = "; ".join(f"{e['field']}: {e['message']}" if e["field"] else e["message"] for e in errors)
        return _respond(api, request, 422, error_body(detail or _("Enter a valid value."), "invalid", errors))

    @api.exception_handler(AccessDenied)
    def on_access_denied(request, exc: AccessDenied):
        return _respond(api, request, 403, error_body(exc.message or _("You may not do this."), exc.code))

    @api.exception_handler(PermissionDenied)
    def on_permission_denied(request, exc: PermissionDenied):
        return _respond(api, request, 403, error_body(str(exc) or _("You may not do this."), "access_denied"))

    @api.exception_handler(Http404)
    def on_not_found(request, exc: Http404):
        return _respond(
            api, request, 404, error_body(_("No such record, or it is outside your areas."), "not_found")
        )

    @api.exception_handler(AuthenticationError)
    def on_not_authenticated(request, exc: AuthenticationError):
        return _respond(
            api,
            request,
            401,
            error_body(
                _("Sign in, or send an API token in the header Authorization: Bearer <token>."),
                "not_authenticated",
            ),
        )

    @api.exception_handler(HttpError)
    def on_http_error(request, exc: HttpError):
        if isinstance(exc, ApiError):
            errors = [{"field": exc.field, "message": exc.message}] if exc.field else []
            response = _respond(api, request, exc.status_code, error_body(exc.message, exc.code, errors))
            for name, value in exc.headers.items():
                response[name] = value
            return response
        if exc.status_code == 400 and isinstance(exc.__cause__, BodyNotAnObject):
            return _respond(api, request, 400, error_body(str(exc.__cause__), "body_not_object"))
        if exc.status_code == 400:
            # ninja raises this for a body that is not JSON
            return _respond(
                api,
                request,
                400,
                error_body(
                    _("The request body is not valid JSON."),
                    "malformed_json",
                    [{"field": None, "message": str(exc)}],
                ),
            )
        return _respond(api, request, exc.status_code, error_body(str(exc), f"http_{exc.status_code}"))

    @api.exception_handler(ProtectedError)
    @api.exception_handler(RestrictedError)
    def on_still_referred_to(request, exc: ProtectedError | RestrictedError):
        return _respond(api, request, 409, error_body(still_referred_to_message(exc), "still_referred_to"))

    # A number past what the database holds, or a value it cannot store, that no field type caught first
    # (SQLite raises OverflowError for an integer over 64 bits, PostgreSQL a DataError).
    @api.exception_handler(OverflowError)
    @api.exception_handler(DataError)
    def on_out_of_range(request, exc: Exception):
        return _respond(
            api, request, 422, error_body(_("A value is too large or too long to be stored."), "out_of_range")
        )

    @api.exception_handler(Exception)
    def on_bug(request, exc: Exception):
        logger.exception("API error on %s %s", request.method, request.path, exc_info=exc)
        return _respond(
            api,
            request,
            500,
            error_body(_("Something went wrong on our side. The error has been logged."), "server_error"),
        )
