"""Fixtures of the welfare tests."""

import pytest

from .registry_data import reconciled_fund


@pytest.fixture
def two_sources(cast):
    """The fund of Mae Yao, reconciled from the program's list and the matching list."""
    return reconciled_fund(cast)
