"""Fixtures of the care API tests: those of the care tests."""

from tests.care.fund_data import case, fund  # noqa: F401
