"""Fixtures of the care tests."""

from tests.care.fund_data import case, fund  # noqa: F401
