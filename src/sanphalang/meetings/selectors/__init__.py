"""Reads of the meetings app, one module per topic; every read is scoped by the area of the body it belongs to."""
