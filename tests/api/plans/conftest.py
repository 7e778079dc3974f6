"""Fixtures of the plans tests."""

from tests.plans.stages_data import chiangrai_network, chiangrai_office, chumphon_coordinator  # noqa: F401
