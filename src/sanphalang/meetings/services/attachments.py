"""Writes to the files kept with meetings and letters. Attachments keep no history table: their removal is
written to the access log instead."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.files import File
from django.db import transaction

from sanphalang.accounts.audit import log_access
from sanphalang.accounts.models import AccessAction

from ..access import require_change_body
from ..errors import MeetingError
from ..models import Attachment, Letter, Meeting

if TYPE_CHECKING:
    from sanphalang.accounts.models import User


@transaction.atomic
def attachment_add(
    *, by: User, file: File, title: str = "", meeting: Meeting | None = None, letter: Letter | None = None
) -> Attachment:
    """Keep a file with a meeting or a letter (the size limit is the form's; the area rule is here)."""
    owner = meeting or letter
    if owner is None:
        raise MeetingError.ATTACHMENT_WITHOUT_OWNER.error(None)
    require_change_body(by, owner.body)
    attachment = Attachment(
        meeting=meeting,
        letter=letter,
        file=file,
        uploaded_by=by,
        title=(title or "").strip() or getattr(file, "name", "")[:200],
    )
    attachment.full_clean()
    attachment.save()
    return attachment


@transaction.atomic
def attachment_remove(*, by: User, attachment: Attachment) -> None:
    """Remove a file kept with a meeting or a letter. The access log names who removed it; the stored file is
    deleted once the removal is committed."""
    owner = attachment.meeting or attachment.letter
    require_change_body(by, owner.body)
    log_access(by, AccessAction.DELETE, attachment, detail=f"{owner._meta.model_name} {owner.pk}")
    storage, name = attachment.file.storage, attachment.file.name
    attachment.delete()
    if name:
        transaction.on_commit(lambda: storage.delete(name))
