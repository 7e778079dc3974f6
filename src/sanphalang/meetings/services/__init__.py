"""Writes of the meetings app, one module per topic: validate, check the body's area, keep history."""

# Other apps' tests set up a body and its meeting through these two.
from .bodies import body_create
from .meetings import meeting_create

__all__ = ["body_create", "meeting_create"]
