"""Management commands of the welfare app."""
