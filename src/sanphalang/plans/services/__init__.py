"""Writes of the plans app, one module per topic; each is one transaction that checks, validates and keeps history."""
