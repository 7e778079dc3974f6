"""Pages of the directory, one module per topic: organisations, people, issue areas, and the area finder."""
