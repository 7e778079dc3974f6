"""Letters to and from agencies, tracked until answered."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from sanphalang.versions import Versioned

from .action_items import ActionItem
from .bodies import Body
from .meetings import Meeting


class LetterDirection(models.TextChoices):
    OUTGOING = "out", _("Outgoing")
    INCOMING = "in", _("Incoming")


class LetterStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SENT = "sent", _("Sent")
    AWAITING_ANSWER = "awaiting", _("Awaiting answer")
    ANSWERED = "answered", _("Answered")
    RECEIVED = "received", _("Received")
    CLOSED = "closed", _("Closed")


class Letter(Versioned):
    """An official letter to or from an agency, linked to the meeting or action item it serves."""

    body = models.ForeignKey(Body, verbose_name=_("body"), on_delete=models.PROTECT, related_name="letters")
    direction = models.CharField(_("direction"), max_length=3, choices=LetterDirection.choices)
    number = models.CharField(_("letter number"), max_length=60, blank=True)
    dated_on = models.DateField(_("dated"))
    subject = models.CharField(_("subject"), max_length=300)
    counterpart = models.ForeignKey(
        "directory.Organisation",
        verbose_name=_("to / from"),
        on_delete=models.PROTECT,
        related_name="letters",
    )
    via = models.ForeignKey(
        "directory.Organisation",
        verbose_name=_("sent through"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="letters_forwarded",
    )
    status = models.CharField(
        _("status"), max_length=10, choices=LetterStatus.choices, default=LetterStatus.DRAFT
    )
    answer_due_on = models.DateField(_("answer due on"), null=True, blank=True)
    in_reply_to = models.ForeignKey(
        "self",
        verbose_name=_("in reply to"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="replies",
    )
    meeting = models.ForeignKey(
        Meeting,
        verbose_name=_("meeting"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="letters",
    )
    action_item = models.ForeignKey(
        ActionItem,
        verbose_name=_("action item"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="letters",
    )
    summary = models.TextField(_("summary"), blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("letter")
        verbose_name_plural = _("letters")
        ordering = ["-dated_on", "-id"]
        indexes = [
            models.Index(fields=["body", "dated_on", "direction", "status"], name="meetings_letter_figures")
        ]

    def __str__(self) -> str:
        return f"{self.number} {self.subject}".strip()
