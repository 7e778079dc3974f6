"""Versions over HTTP: a record's ETag is its version; a change names the version it was built on in If-Match
(or as the body's `version`), and one built on an old version is refused with 409 and both sides.

A change that names no version is built on the record as the request reads it: it cannot undo a save it never
saw, but two such changes sent together both land, the later over the earlier, as GitHub's and Google's APIs do
without If-Match. A client that edits what a person read sends the ETag back in If-Match.
"""

import re

from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import Field, NinjaAPI, Schema

from sanphalang.errors import VersionConflict
from sanphalang.thai.national_id import mask_national_id
from sanphalang.versions import compared_fields

from .errors import ApiError, error_body

_ENTITY_TAG = re.compile(r'^\s*(?:W/)?"(\d+)"\s*$')

# Fields shown in a conflict only as a reader of the record may see them.
_MASKED = {"national_id": mask_national_id}


def etag(version: int) -> str:
    """Weak: the version names the record's saved state, not the bytes of one rendering of it."""
    return f'W/"{version}"'


class VersionIn(Schema):
    version: int | None = Field(
        None,
        ge=1,
        description="The version this change is built on (the record's `version`, or send its ETag in If-Match). "
        "A change built on an old version is refused with 409. Not for creating a record.",
    )


class VersionOut(Schema):
    version: int = Field(description="How many times the record has been saved; also its ETag")


class ConflictOut(Schema):
    detail: str
    code: str = Field(description="stale_version")
    errors: list[dict] = Field(description="Each field that differs, with who saved it meanwhile")
    current: dict = Field(description="The record's differing fields as saved now, with its version")
    yours: dict = Field(
        description="The same fields as this change would make them, with the version it named"
    )


CONFLICT = {409: ConflictOut}


def built_on(request: HttpRequest, fields: dict) -> dict:
    """The fields of a change with the version it was built on: If-Match first, else the body's `version`."""
    header = request.headers.get("If-Match")
    if header and header.strip() != "*":
        match = _ENTITY_TAG.match(header)
        if match is None:
            raise ApiError(
                400,
                _('If-Match takes one ETag of the record, as its GET answered it (W/"3").'),
                code="invalid_if_match",
            )
        fields["version"] = int(match.group(1))
    return fields


def conflict_body(request: HttpRequest, conflict: VersionConflict) -> dict:
    def values(record) -> dict:
        fields = {field.name: field for field in compared_fields(type(record))}
        shown = {}
        for name in conflict.changes:
            value = fields[name].value_from_object(record)
            if name in _MASKED and value and not request.auth.can_see_sensitive_data:
                value = _MASKED[name](value)
            shown[name] = value
        return {**shown, "version": record.version}

    errors = [
        {
            "field": name,
            "message": _("Saved meanwhile by %(who)s, %(when)s.")
            % {"who": conflict.who, "when": conflict.when},
        }
        for name in conflict.changes
    ]
    body = error_body(conflict.messages[0], conflict.code, errors)
    body.update(current=values(conflict.current), yours=values(conflict.yours))
    return body


class VersionedNinjaAPI(NinjaAPI):
    """Names the version of every record it answers with in the ETag header, and of the one saved meanwhile in
    a 409."""

    def create_response(self, request, data, *, status=None, temporal_response=None) -> HttpResponse:
        response = super().create_response(request, data, status=status, temporal_response=temporal_response)
        if isinstance(data, dict):
            current = data.get("current")
            version = current.get("version") if isinstance(current, dict) else data.get("version")
            if isinstance(version, int) and not isinstance(version, bool):
                response["ETag"] = etag(version)
        return response


def register_conflict_handler(api: NinjaAPI) -> None:
    @api.exception_handler(VersionConflict)
    def on_conflict(request, exc: VersionConflict):
        return api.create_response(request, conflict_body(request, exc), status=409)
