"""Tests of the welfare linkage engine."""
