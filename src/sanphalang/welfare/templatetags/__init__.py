"""Template filters of the welfare pages."""
