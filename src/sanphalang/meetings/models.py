"""Bodies that meet (councils, committees, working groups), their meetings, resolutions, action items and letters."""

from django.conf import settings
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from .errors import MeetingError


class BodyKind(models.TextChoices):
    COUNCIL = "council", _("Council")
    COMMITTEE = "committee", _("Committee")
    BOARD = "board", _("Network board")
    WORKING_GROUP = "working_group", _("Issue working group")
    FORUM = "forum", _("Forum")


class Body(models.Model):
    """A group that meets: a provincial citizens' council, a committee, a network's board, a working group."""

    kind = models.CharField(_("kind"), max_length=20, choices=BodyKind.choices, default=BodyKind.COMMITTEE)
    name_th = models.CharField(_("name (Thai)"), max_length=300)
    name_en = models.CharField(_("name (English)"), max_length=300, blank=True)
    area = models.ForeignKey("areas.Area", verbose_name=_("area"), on_delete=models.PROTECT, related_name="bodies")
    organisation = models.ForeignKey(
        "directory.Organisation", verbose_name=_("organisation"), on_delete=models.SET_NULL, null=True, blank=True,
        related_name="bodies", help_text=_("The council, network or centre this body belongs to, if any"))
    parent = models.ForeignKey("self", verbose_name=_("part of"), on_delete=models.SET_NULL, null=True, blank=True,
                               related_name="working_groups")
    issue_areas = models.ManyToManyField("directory.IssueArea", verbose_name=_("issue areas"), blank=True,
                                         related_name="bodies")
    description = models.TextField(_("description"), blank=True)
    is_active = models.BooleanField(_("active"), default=True)
    sort_key = models.CharField(max_length=256, editable=False, default="", db_index=True)
    history = HistoricalRecords(m2m_fields=[issue_areas])

    class Meta:
        verbose_name = _("body")
        verbose_name_plural = _("bodies")
        ordering = ["sort_key", "id"]
        constraints = [models.UniqueConstraint(
            fields=["area", "name_th"], name="unique_body_name_in_area",
            violation_error_code=MeetingError.BODY_NAME_TAKEN.code,
            violation_error_message=MeetingError.BODY_NAME_TAKEN.lazy_message)]

    def __str__(self) -> str:
        if (get_language() or "th").startswith("en") and self.name_en:
            return self.name_en
        return self.name_th


class Membership(models.Model):
    """A person or an organisation sitting on a body, in a role, over a period."""

    body = models.ForeignKey(Body, on_delete=models.CASCADE, related_name="memberships")
    person = models.ForeignKey("directory.Person", verbose_name=_("person"), on_delete=models.CASCADE, null=True,
                               blank=True, related_name="memberships")
    organisation = models.ForeignKey("directory.Organisation", verbose_name=_("organisation"),
                                     on_delete=models.CASCADE, null=True, blank=True, related_name="memberships")
    role = models.CharField(_("role"), max_length=32, default="member")
    title = models.CharField(_("title"), max_length=200, blank=True)
    started_on = models.DateField(_("from"), null=True, blank=True)
    ended_on = models.DateField(_("until"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [models.CheckConstraint(
            condition=models.Q(person__isnull=False) | models.Q(organisation__isnull=False),
            name="membership_names_a_member",
            violation_error_code=MeetingError.NO_MEMBER_NAMED.code,
            violation_error_message=MeetingError.NO_MEMBER_NAMED.lazy_message)]

    def __str__(self) -> str:
        return str(self.person or self.organisation)


class MeetingStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    HELD = "held", _("Held")
    CANCELLED = "cancelled", _("Cancelled")


class Meeting(models.Model):
    """One meeting of a body, numbered within the Buddhist Era year: ครั้งที่ 3/2558."""

    body = models.ForeignKey(Body, verbose_name=_("body"), on_delete=models.PROTECT, related_name="meetings")
    number = models.PositiveIntegerField(_("number"))
    year_be = models.PositiveIntegerField(_("year (BE)"))
    title = models.CharField(_("title"), max_length=300, blank=True)
    held_on = models.DateField(_("date"))
    starts_at = models.TimeField(_("starts at"), null=True, blank=True)
    ends_at = models.TimeField(_("ends at"), null=True, blank=True)
    venue = models.CharField(_("venue"), max_length=300, blank=True)
    chair = models.ForeignKey("directory.Person", verbose_name=_("chair"), on_delete=models.SET_NULL, null=True,
                              blank=True, related_name="chaired_meetings")
    chair_title = models.CharField(_("chair's position"), max_length=200, blank=True)
    status = models.CharField(_("status"), max_length=12, choices=MeetingStatus.choices,
                              default=MeetingStatus.PLANNED)
    head_count = models.PositiveIntegerField(
        _("participants"), null=True, blank=True,
        help_text=_("The number of participants, when only a number is known"))
    minutes = models.TextField(_("minutes"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        ordering = ["-held_on", "-number"]
        constraints = [models.UniqueConstraint(
            fields=["body", "year_be", "number"], name="unique_meeting_number_in_year",
            violation_error_code=MeetingError.MEETING_NUMBER_TAKEN.code,
            violation_error_message=MeetingError.MEETING_NUMBER_TAKEN.lazy_message)]

    def __str__(self) -> str:
        return _("%(body)s no. %(number)s/%(year)s") % {"body": self.body, "number": self.number, "year": self.year_be}

    @property
    def area_id(self) -> str:
        return self.body.area_id


class AgendaItem(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="agenda_items")
    order = models.PositiveIntegerField(_("order"))
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    working_group = models.ForeignKey(Body, verbose_name=_("reporting working group"), on_delete=models.SET_NULL,
                                      null=True, blank=True, related_name="agenda_reports")
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


class Invitation(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="invitations")
    person = models.ForeignKey("directory.Person", on_delete=models.CASCADE, null=True, blank=True,
                               related_name="invitations")
    organisation = models.ForeignKey("directory.Organisation", on_delete=models.CASCADE, null=True, blank=True,
                                     related_name="invitations")
    sent_on = models.DateField(_("sent on"), null=True, blank=True)
    response = models.CharField(_("response"), max_length=12, choices=InvitationResponse.choices,
                                default=InvitationResponse.PENDING)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")

    def __str__(self) -> str:
        return str(self.person or self.organisation)


class Attendance(models.Model):
    """Who came: a person, an organisation, or both (a person representing an organisation)."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="attendances")
    person = models.ForeignKey("directory.Person", on_delete=models.CASCADE, null=True, blank=True,
                               related_name="attendances")
    organisation = models.ForeignKey("directory.Organisation", on_delete=models.CASCADE, null=True, blank=True,
                                     related_name="attendances")
    role = models.CharField(_("role at the meeting"), max_length=200, blank=True)
    is_guest = models.BooleanField(_("guest"), default=False, help_text=_("Not a member of the body"))
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("attendance")
        verbose_name_plural = _("attendance")
        constraints = [models.CheckConstraint(
            condition=models.Q(person__isnull=False) | models.Q(organisation__isnull=False),
            name="attendance_names_someone",
            violation_error_code=MeetingError.NO_ATTENDEE_NAMED.code,
            violation_error_message=MeetingError.NO_ATTENDEE_NAMED.lazy_message)]

    def __str__(self) -> str:
        return " – ".join(str(part) for part in (self.person, self.organisation) if part)


class Resolution(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="resolutions")
    number = models.PositiveIntegerField(_("number"))
    text = models.TextField(_("resolution"))
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("resolution")
        verbose_name_plural = _("resolutions")
        ordering = ["number"]
        constraints = [models.UniqueConstraint(
            fields=["meeting", "number"], name="unique_resolution_number",
            violation_error_code=MeetingError.RESOLUTION_NUMBER_TAKEN.code,
            violation_error_message=MeetingError.RESOLUTION_NUMBER_TAKEN.lazy_message)]

    def __str__(self) -> str:
        return f"{self.number}. {self.text[:80]}"


class ActionStatus(models.TextChoices):
    OPEN = "open", _("Open")
    IN_PROGRESS = "in_progress", _("In progress")
    DONE = "done", _("Done")
    CANCELLED = "cancelled", _("Cancelled")


OPEN_STATUSES = (ActionStatus.OPEN, ActionStatus.IN_PROGRESS)


class ActionItem(models.Model):
    """Work a resolution gives to an owner, due by a date; a recurring one makes its successor when it is done
    or falls due, so a series has one open item at a time."""

    body = models.ForeignKey(Body, verbose_name=_("body"), on_delete=models.PROTECT, related_name="action_items")
    meeting = models.ForeignKey(Meeting, verbose_name=_("meeting"), on_delete=models.SET_NULL, null=True,
                                blank=True, related_name="action_items")
    resolution = models.ForeignKey(Resolution, verbose_name=_("resolution"), on_delete=models.SET_NULL, null=True,
                                   blank=True, related_name="action_items")
    title = models.CharField(_("what is to be done"), max_length=300)
    description = models.TextField(_("details"), blank=True)
    owner_organisation = models.ForeignKey(
        "directory.Organisation", verbose_name=_("owner organisation"), on_delete=models.PROTECT, null=True,
        blank=True, related_name="action_items")
    owner_person = models.ForeignKey("directory.Person", verbose_name=_("owner person"), on_delete=models.SET_NULL,
                                     null=True, blank=True, related_name="action_items")
    due_on = models.DateField(_("due on"), db_index=True)
    status = models.CharField(_("status"), max_length=12, choices=ActionStatus.choices, default=ActionStatus.OPEN,
                              db_index=True)
    done_on = models.DateField(_("done on"), null=True, blank=True)
    outcome = models.TextField(_("outcome"), blank=True)
    recurrence_months = models.PositiveSmallIntegerField(
        _("repeats every (months)"), null=True, blank=True,
        help_text=_("E.g. 3 for a report every quarter; empty if it does not repeat"))
    recurrence_until = models.DateField(
        _("repeats until"), null=True, blank=True,
        help_text=_("Empty: repeats until the series is cancelled"))
    series = models.ForeignKey("self", verbose_name=_("series"), on_delete=models.CASCADE, null=True, blank=True,
                               related_name="occurrences", help_text=_("The first item of a recurring series"))
    sequence = models.PositiveIntegerField(_("occurrence"), default=1)
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("action item")
        verbose_name_plural = _("action items")
        ordering = ["due_on", "id"]
        constraints = [models.UniqueConstraint(
            fields=["series", "sequence"], name="unique_occurrence_in_series",
            violation_error_code=MeetingError.OCCURRENCE_TAKEN.code,
            violation_error_message=MeetingError.OCCURRENCE_TAKEN.lazy_message)]

    def __str__(self) -> str:
        return self.title

    @property
    def area_id(self) -> str:
        return self.body.area_id


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


class Letter(models.Model):
    """An official letter to or from an agency, linked to the meeting or action item it serves."""

    body = models.ForeignKey(Body, verbose_name=_("body"), on_delete=models.PROTECT, related_name="letters")
    direction = models.CharField(_("direction"), max_length=3, choices=LetterDirection.choices)
    number = models.CharField(_("letter number"), max_length=60, blank=True)
    dated_on = models.DateField(_("dated"))
    subject = models.CharField(_("subject"), max_length=300)
    counterpart = models.ForeignKey("directory.Organisation", verbose_name=_("to / from"),
                                    on_delete=models.PROTECT, related_name="letters")
    via = models.ForeignKey("directory.Organisation", verbose_name=_("sent through"), on_delete=models.SET_NULL,
                            null=True, blank=True, related_name="letters_forwarded")
    status = models.CharField(_("status"), max_length=10, choices=LetterStatus.choices, default=LetterStatus.DRAFT)
    answer_due_on = models.DateField(_("answer due on"), null=True, blank=True)
    in_reply_to = models.ForeignKey("self", verbose_name=_("in reply to"), on_delete=models.SET_NULL, null=True,
                                    blank=True, related_name="replies")
    meeting = models.ForeignKey(Meeting, verbose_name=_("meeting"), on_delete=models.SET_NULL, null=True, blank=True,
                                related_name="letters")
    action_item = models.ForeignKey(ActionItem, verbose_name=_("action item"), on_delete=models.SET_NULL, null=True,
                                    blank=True, related_name="letters")
    summary = models.TextField(_("summary"), blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("letter")
        verbose_name_plural = _("letters")
        ordering = ["-dated_on", "-id"]

    def __str__(self) -> str:
        return f"{self.number} {self.subject}".strip()


class Attachment(models.Model):
    """A file kept with a meeting or a letter (signed minutes, a scanned answer)."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, null=True, blank=True, related_name="attachments")
    letter = models.ForeignKey(Letter, on_delete=models.CASCADE, null=True, blank=True, related_name="attachments")
    title = models.CharField(_("title"), max_length=200)
    file = models.FileField(_("file"), upload_to="attachments/%Y/%m/")
    uploaded_at = models.DateTimeField(auto_now_add=True)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        constraints = [models.CheckConstraint(
            condition=models.Q(meeting__isnull=False) | models.Q(letter__isnull=False),
            name="attachment_belongs_somewhere",
            violation_error_code=MeetingError.ATTACHMENT_WITHOUT_OWNER.code,
            violation_error_message=MeetingError.ATTACHMENT_WITHOUT_OWNER.lazy_message)]

    def __str__(self) -> str:
        return self.title


class Notification(models.Model):
    """A message in the user's in-app inbox. key makes a daily reminder idempotent: one per user, item and day."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications")
    key = models.CharField(max_length=120)
    message = models.CharField(max_length=500)
    link = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        ordering = ["-created_at"]
        constraints = [models.UniqueConstraint(
            fields=["user", "key"], name="unique_notification_key",
            violation_error_code=MeetingError.NOTIFICATION_SENT.code,
            violation_error_message=MeetingError.NOTIFICATION_SENT.lazy_message)]

    def __str__(self) -> str:
        return self.message
