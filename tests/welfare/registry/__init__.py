"""Tests of the welfare app's registry."""
