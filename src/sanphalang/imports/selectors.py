"""Reads of import batches: a batch is its uploader's alone."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.http import Http404

from sanphalang.areas.scoping import require_writer
from sanphalang.errors import Access

from .models import ImportBatch

if TYPE_CHECKING:
    from sanphalang.accounts.models import User


def import_batch_get_for_change(*, user: User, pk: int) -> ImportBatch:
    """The batch if the user uploaded it; anyone else's is not found."""
    require_writer(user, Access.READ_ONLY_ROLE_IMPORT)
    try:
        return ImportBatch.objects.get(pk=pk, user=user)
    except (ImportBatch.DoesNotExist, ValueError):
        raise Http404 from None
