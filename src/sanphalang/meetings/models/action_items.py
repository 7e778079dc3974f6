"""Action items: what a meeting asked of whom by when, repeating where it recurs."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from sanphalang.thai.dates import format_be_date
from sanphalang.versions import Versioned

from ..errors import MeetingError
from .bodies import Body
from .meetings import Meeting, Resolution


class ActionStatus(models.TextChoices):
    OPEN = "open", _("Open")
    IN_PROGRESS = "in_progress", _("In progress")
    DONE = "done", _("Done")
    CANCELLED = "cancelled", _("Cancelled")


OPEN_STATUSES = (ActionStatus.OPEN, ActionStatus.IN_PROGRESS)


class ActionItem(Versioned):
    """Work a resolution gives to an owner, due by a date; a recurring one makes its successor when it is done
    or falls due, so a series has one open item at a time."""

    body = models.ForeignKey(
        Body, verbose_name=_("body"), on_delete=models.PROTECT, related_name="action_items"
    )
    meeting = models.ForeignKey(
        Meeting,
        verbose_name=_("meeting"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="action_items",
    )
    resolution = models.ForeignKey(
        Resolution,
        verbose_name=_("resolution"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="action_items",
    )
    title = models.CharField(_("what is to be done"), max_length=300)
    description = models.TextField(_("details"), blank=True)
    owner_organisation = models.ForeignKey(
        "directory.Organisation",
        verbose_name=_("owner organisation"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="action_items",
    )
    owner_person = models.ForeignKey(
        "directory.Person",
        verbose_name=_("owner person"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="action_items",
    )
    due_on = models.DateField(_("due on"), db_index=True)
    status = models.CharField(
        _("status"), max_length=12, choices=ActionStatus.choices, default=ActionStatus.OPEN, db_index=True
    )
    done_on = models.DateField(_("done on"), null=True, blank=True)
    outcome = models.TextField(_("outcome"), blank=True)
    recurrence_months = models.PositiveSmallIntegerField(
        _("repeats every (months)"),
        null=True,
        blank=True,
        help_text=_("E.g. 3 for a report every quarter; empty if it does not repeat"),
    )
    recurrence_until = models.DateField(
        _("repeats until"), null=True, blank=True, help_text=_("Empty: repeats until the series is cancelled")
    )
    series = models.ForeignKey(
        "self",
        verbose_name=_("series"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="occurrences",
        help_text=_("The first item of a recurring series"),
    )
    sequence = models.PositiveIntegerField(_("occurrence"), default=1)
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("action item")
        verbose_name_plural = _("action items")
        ordering = ["due_on", "id"]
        indexes = [
            models.Index(fields=["body", "due_on", "done_on", "status"], name="meetings_action_figures")
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["series", "sequence"],
                name="unique_occurrence_in_series",
                violation_error_code=MeetingError.OCCURRENCE_TAKEN.code,
                violation_error_message=MeetingError.OCCURRENCE_TAKEN.lazy_message,
            )
        ]

    def __str__(self) -> str:
        # Items of a series share their title: the due date tells them apart in menus and pickers.
        return _("%(title)s (due %(date)s)") % {
            "title": self.title,
            "date": format_be_date(self.due_on, style="short"),
        }

    @property
    def area_id(self) -> str:
        return self.body.area_id


class ActionItemProgress(models.Model):
    """One report on an action item, kept as made: a progress note, the status or outcome it gave the item, who
    made it and for which organisation (a partner agency closing its own task, S2)."""

    item = models.ForeignKey(
        ActionItem, verbose_name=_("action item"), on_delete=models.CASCADE, related_name="progress"
    )
    recorded_at = models.DateTimeField(_("recorded at"), auto_now_add=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    organisation = models.ForeignKey(
        "directory.Organisation",
        verbose_name=_("for the organisation"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    note = models.TextField(_("progress note"), blank=True)
    status = models.CharField(_("status set"), max_length=12, choices=ActionStatus.choices, blank=True)
    outcome = models.TextField(_("outcome recorded"), blank=True)

    class Meta:
        verbose_name = _("progress of an action item")
        verbose_name_plural = _("progress of action items")
        ordering = ["recorded_at", "id"]

    def __str__(self) -> str:
        return f"{self.item_id}: {self.note[:80]}"
