"""Tests of the welfare app's reconcile."""
