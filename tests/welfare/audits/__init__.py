"""Tests of the welfare app's audits."""
