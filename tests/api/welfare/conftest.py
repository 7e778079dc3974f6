"""Fixtures of the welfare API tests."""

import pytest

from sanphalang.welfare.models import SourceRecord
from sanphalang.welfare.services.reconcile import reconcile

from .data import SURVEY, build_registry, import_survey


@pytest.fixture
def registry(cast):
    return build_registry(cast)


@pytest.fixture
def survey(cast, registry):
    """The network survey imported and reconciled: four Mae Yao links wait for review."""
    import_survey(cast)
    reconcile(by=cast.chiangrai_coordinator, province_code="57")
    return {record.row: record for record in SourceRecord.objects.filter(source__name=SURVEY)}
