"""Pages of the meetings app, one module per topic; each view reads the form, calls a service and comes back."""
