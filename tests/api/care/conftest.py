"""Fixtures of the care API tests: those of tests/care."""

from tests.care.conftest import agency, case, grandmother, home, second  # noqa: F401
from tests.care.fund_data import fund  # noqa: F401
