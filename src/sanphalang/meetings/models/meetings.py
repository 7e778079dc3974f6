"""A body's meetings: agenda, invitations, attendance and resolutions."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from sanphalang.versions import Versioned

from ..errors import MeetingError
from .bodies import Body


class MeetingStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    HELD = "held", _("Held")
    CANCELLED = "cancelled", _("Cancelled")


class Meeting(Versioned):
    """One meeting of a body, numbered within the Buddhist Era year: ครั้งที่ 3/2558."""

    body = models.ForeignKey(Body, verbose_name=_("body"), on_delete=models.PROTECT, related_name="meetings")
    number = models.PositiveIntegerField(pgettext_lazy("meeting number", "number"))
    year_be = models.PositiveIntegerField(_("year (BE)"))
    title = models.CharField(pgettext_lazy("meeting title", "title"), max_length=300, blank=True)
    held_on = models.DateField(_("date"))
    starts_at = models.TimeField(_("starts at"), null=True, blank=True)
    ends_at = models.TimeField(_("ends at"), null=True, blank=True)
    venue = models.CharField(_("venue"), max_length=300, blank=True)
    chair = models.ForeignKey(
        "directory.Person",
        verbose_name=_("chair"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="chaired_meetings",
    )
    chair_title = models.CharField(_("chair's position"), max_length=200, blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=MeetingStatus.choices, default=MeetingStatus.PLANNED
    )
    head_count = models.PositiveIntegerField(
        _("participants"),
        null=True,
        blank=True,
        help_text=_("The number of participants, when only a number is known"),
    )
    minutes = models.TextField(_("minutes"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        ordering = ["-held_on", "-number"]
        # The dashboards' meetings held by body and quarter, read from the index alone
        indexes = [models.Index(fields=["body", "held_on", "status"], name="meetings_meeting_figures")]
        constraints = [
            models.UniqueConstraint(
                fields=["body", "year_be", "number"],
                name="unique_meeting_number_in_year",
                violation_error_code=MeetingError.MEETING_NUMBER_TAKEN.code,
                violation_error_message=MeetingError.MEETING_NUMBER_TAKEN.lazy_message,
            )
        ]

    def __str__(self) -> str:
        return _("%(body)s no. %(number)s/%(year)s") % {
            "body": self.body,
            "number": self.number,
            "year": self.year_be,
        }

    @property
    def area_id(self) -> str:
        return self.body.area_id


class AgendaItem(Versioned):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="agenda_items")
    order = models.PositiveIntegerField(_("order"))
    title = models.CharField(pgettext_lazy("agenda item title", "title"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    working_group = models.ForeignKey(
        Body,
        verbose_name=_("reporting working group"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="agenda_reports",
    )
    report = models.TextField(_("report"), blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")
        ordering = ["order", "id"]

    def __str__(self) -> str:
        return f"{self.order}. {self.title}"


class InvitationResponse(models.TextChoices):
    PENDING = "pending", _("No answer yet")
    ACCEPTED = "accepted", _("Will attend")
    DECLINED = "declined", _("Will not attend")
    DELEGATED = "delegated", _("Sends a representative")


class Invitation(Versioned):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="invitations")
    person = models.ForeignKey(
        "directory.Person", on_delete=models.CASCADE, null=True, blank=True, related_name="invitations"
    )
    organisation = models.ForeignKey(
        "directory.Organisation", on_delete=models.CASCADE, null=True, blank=True, related_name="invitations"
    )
    sent_on = models.DateField(_("sent on"), null=True, blank=True)
    response = models.CharField(
        _("response"), max_length=12, choices=InvitationResponse.choices, default=InvitationResponse.PENDING
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")

    def __str__(self) -> str:
        return str(self.person or self.organisation)


class Attendance(Versioned):
    """Who came: a person, an organisation, or both (a person representing an organisation)."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="attendances")
    person = models.ForeignKey(
        "directory.Person", on_delete=models.CASCADE, null=True, blank=True, related_name="attendances"
    )
    organisation = models.ForeignKey(
        "directory.Organisation", on_delete=models.CASCADE, null=True, blank=True, related_name="attendances"
    )
    role = models.CharField(_("role at the meeting"), max_length=200, blank=True)
    is_guest = models.BooleanField(_("guest"), default=False, help_text=_("Not a member of the body"))
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("attendance")
        verbose_name_plural = _("attendance")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(person__isnull=False) | models.Q(organisation__isnull=False),
                name="attendance_names_someone",
                violation_error_code=MeetingError.NO_ATTENDEE_NAMED.code,
                violation_error_message=MeetingError.NO_ATTENDEE_NAMED.lazy_message,
            )
        ]

    def __str__(self) -> str:
        return " – ".join(str(part) for part in (self.person, self.organisation) if part)


class Resolution(Versioned):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="resolutions")
    number = models.PositiveIntegerField(pgettext_lazy("resolution number", "number"))
    text = models.TextField(_("resolution"))
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("resolution")
        verbose_name_plural = _("resolutions")
        ordering = ["number"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "number"],
                name="unique_resolution_number",
                violation_error_code=MeetingError.RESOLUTION_NUMBER_TAKEN.code,
                violation_error_message=MeetingError.RESOLUTION_NUMBER_TAKEN.lazy_message,
            )
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.text[:80]}"
