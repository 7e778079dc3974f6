"""How the API reads a request: a JSON body must be an object, and no text of a body or query carries control
characters or direction overrides (PostgreSQL refuses NUL in any text, even in a filter)."""

import json

from django.utils.translation import gettext as _
from ninja.parser import Parser

from sanphalang.thai.names import strip_unsafe_characters


class BodyNotAnObject(ValueError):
    """The JSON body is a list, a string, a number or null where the operation reads named fields."""

    def __init__(self):
        super().__init__(_("The request body must be a JSON object of named fields."))


def _tidy(value):
    if isinstance(value, str):
        return strip_unsafe_characters(value)
    if isinstance(value, list):
        return [_tidy(item) for item in value]
    if isinstance(value, dict):
        return {_tidy(key): _tidy(item) for key, item in value.items()}
    return value


class SafeParser(Parser):
    def parse_body(self, request):
        data = json.loads(request.body)
        if not isinstance(data, dict):
            raise BodyNotAnObject()
        return _tidy(data)

    def parse_querydict(self, data, list_fields, request):
        return _tidy(super().parse_querydict(data, list_fields, request))
