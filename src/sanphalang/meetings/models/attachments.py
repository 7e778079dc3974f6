"""Files kept with a meeting or a letter."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from ..errors import MeetingError
from .letters import Letter
from .meetings import Meeting


class Attachment(models.Model):
    """A file kept with a meeting or a letter (signed minutes, a scanned answer)."""

    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, null=True, blank=True, related_name="attachments"
    )
    letter = models.ForeignKey(
        Letter, on_delete=models.CASCADE, null=True, blank=True, related_name="attachments"
    )
    title = models.CharField(pgettext_lazy("attachment title", "title"), max_length=200)
    file = models.FileField(_("file"), upload_to="attachments/%Y/%m/")
    uploaded_at = models.DateTimeField(auto_now_add=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(meeting__isnull=False) | models.Q(letter__isnull=False),
                name="attachment_belongs_somewhere",
                violation_error_code=MeetingError.ATTACHMENT_WITHOUT_OWNER.code,
                violation_error_message=MeetingError.ATTACHMENT_WITHOUT_OWNER.lazy_message,
            )
        ]

    def __str__(self) -> str:
        return self.title
