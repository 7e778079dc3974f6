"""Tests of the welfare app's sources."""
