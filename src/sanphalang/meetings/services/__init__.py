"""Writes of the meetings app, one module per topic: validate, check the body's area, keep history."""
