"""Reads of import batches: a batch is its uploader's alone."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.http import Http404

from sanphalang.errors import Access

from .models import ImportBatch

if TYPE_CHECKING:
    from sanphalang.accounts.models import User


def require_importer(user: User) -> None:
    """Raise AccessDenied unless the user's role may import (one that writes)."""
    if not (user and user.is_authenticated and user.can_write):
        raise Access.READ_ONLY_ROLE_IMPORT.denied()


def import_batch_get_for_change(*, user: User, pk: int) -> ImportBatch:
    """The batch if the user uploaded it; anyone else's is not found."""
    require_importer(user)
    try:
        return ImportBatch.objects.get(pk=pk, user=user)
    except (ImportBatch.DoesNotExist, ValueError):
        raise Http404 from None
