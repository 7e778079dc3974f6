"""Reads of the plans app, one module per topic; each takes the user and returns only what their areas allow."""
