"""Tests of the welfare app's figures."""
