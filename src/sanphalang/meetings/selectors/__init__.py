"""Reads of the meetings app, one module per topic; every read is scoped by the area of the body it belongs to."""

# Other apps show a place's bodies and their meetings through these two.
from .bodies import body_list
from .meetings import meeting_list

__all__ = ["body_list", "meeting_list"]
