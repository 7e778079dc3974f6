"""The current user's display preference for digits, set once per request by middleware."""

import contextvars
from contextlib import contextmanager

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
