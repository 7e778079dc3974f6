"""API shapes of the meetings app, one module per topic, named as the meetings app names them."""
