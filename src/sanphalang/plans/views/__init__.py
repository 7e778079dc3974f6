"""Pages of the plans app, one module per topic."""
