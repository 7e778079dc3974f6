"""Tests of the welfare app's settle."""
