"""Forms of the plans app, one module per topic: typed input into Python values."""
