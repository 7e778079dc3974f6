"""Writes the meeting pages need beyond services.py: invitations, attachments and reading notifications."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from sanphalang.accounts.audit import validated_save
from sanphalang.areas.scoping import require_write

from .models import Attachment, Invitation, InvitationResponse, Letter, Meeting, Notification


@transaction.atomic
def invitation_add(*, by, meeting: Meeting, person=None, organisation=None, sent_on: dt.date | None = None,
                   response: str = InvitationResponse.PENDING) -> Invitation:
    """Invite a person or an organisation; inviting the same one again updates the invitation."""
    require_write(by, meeting.body.area_id)
    if person is None and organisation is None:
        raise ValidationError(_("Choose a person or an organisation."))
    invitation = meeting.invitations.filter(person=person, organisation=organisation).first() or Invitation(
        meeting=meeting, person=person, organisation=organisation)
    invitation.sent_on = sent_on or invitation.sent_on
    invitation.response = response
    validated_save(invitation, by)
    return invitation


@transaction.atomic
def attachment_add(*, by, file, title: str = "", meeting: Meeting | None = None,
                   letter: Letter | None = None) -> Attachment:
    """Keep a file with a meeting or a letter (the size limit is the form's; the area rule is here)."""
    owner = meeting or letter
    if owner is None:
        raise ValidationError(_("An attachment belongs to a meeting or a letter."))
    require_write(by, owner.body.area_id)
    attachment = Attachment(meeting=meeting, letter=letter, file=file, uploaded_by=by,
                            title=(title or "").strip() or getattr(file, "name", "")[:200])
    attachment.full_clean()
    attachment.save()
    return attachment


def notifications_mark_read(*, by, ids: list[int] | None = None) -> int:
    """Mark the user's own notifications read: the given ones, or all of them. Returns how many changed."""
    qs = Notification.objects.filter(user=by, read_at__isnull=True)
    if ids is not None:
        qs = qs.filter(pk__in=ids)
    return qs.update(read_at=timezone.now())
