"""The reader's display preferences: digits (set once per request by middleware) and the page's language."""

import contextvars
from contextlib import contextmanager

from django.utils.translation import get_language

_thai_digits = contextvars.ContextVar("thai_digits", default=False)


def prefers_thai_digits() -> bool:
    return _thai_digits.get()


def set_thai_digits(value: bool) -> contextvars.Token:
    return _thai_digits.set(bool(value))


def reset_thai_digits(token: contextvars.Token) -> None:
    _thai_digits.reset(token)


@contextmanager
def thai_digits(value: bool):
    token = set_thai_digits(value)
    try:
        yield
    finally:
        reset_thai_digits(token)


def in_page_language(thai: str, english: str) -> str:
    """The English form when the page is in English and there is one; the Thai form otherwise."""
    if (get_language() or "th").startswith("en") and english:
        return english
    return thai
