"""The two steps every correction shares: set only the fields its service allows, and remove with the author named."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db.models import Model

from sanphalang.accounts.audit import stamp
from sanphalang.errors import reject_unknown_fields

if TYPE_CHECKING:
    from sanphalang.accounts.models import User


def apply_fields(obj: Model, fields: dict, allowed: set[str]) -> None:
    reject_unknown_fields(fields, allowed)
    for name, value in fields.items():
        setattr(obj, name, value)


def remove_with_history(obj: Model, by: User) -> None:
    """Delete with the user named in the history row simple_history writes for the deletion."""
    stamp(obj, by).delete()
