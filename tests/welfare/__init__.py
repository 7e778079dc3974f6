"""Tests of the welfare app."""
