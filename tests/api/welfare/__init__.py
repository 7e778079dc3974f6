"""Tests of the welfare API: funds, figures, sources and reconciling, audit rounds, query counts."""
