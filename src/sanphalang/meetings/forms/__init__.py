"""Forms of the meeting pages, one module per topic: they read and check input; the services decide and write."""
