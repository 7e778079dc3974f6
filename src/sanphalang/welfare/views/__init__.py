"""Pages of the welfare app, one module per topic."""
