"""Bodies that meet (councils, committees, network boards, working groups) and their members over time."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from sanphalang.thai.preferences import in_page_language
from sanphalang.versions import Versioned

from ..errors import MeetingError


class BodyKind(models.TextChoices):
    COUNCIL = "council", _("Council")
    COMMITTEE = "committee", _("Committee")
    BOARD = "board", _("Network board")
    WORKING_GROUP = "working_group", _("Issue working group")
    FORUM = "forum", _("Forum")


class Body(Versioned):
    """A group that meets: a provincial citizens' council, a committee, a network's board, a working group."""

    kind = models.CharField(_("kind"), max_length=20, choices=BodyKind.choices, default=BodyKind.COMMITTEE)
    name_th = models.CharField(_("name (Thai)"), max_length=300)
    name_en = models.CharField(_("name (English)"), max_length=300, blank=True)
    area = models.ForeignKey(
        "areas.Area", verbose_name=_("area"), on_delete=models.PROTECT, related_name="bodies"
    )
    organisation = models.ForeignKey(
        "directory.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="bodies",
        help_text=_("The council, network or centre this body belongs to, if any"),
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("part of"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="working_groups",
    )
    issue_areas = models.ManyToManyField(
        "directory.IssueArea", verbose_name=_("issue areas"), blank=True, related_name="bodies"
    )
    description = models.TextField(_("description"), blank=True)
    is_active = models.BooleanField(_("active"), default=True)
    sort_key = models.CharField(max_length=256, editable=False, default="", db_index=True)
    history = HistoricalRecords(m2m_fields=[issue_areas])

    class Meta:
        verbose_name = _("body")
        verbose_name_plural = _("bodies")
        ordering = ["sort_key", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["area", "name_th"],
                name="unique_body_name_in_area",
                violation_error_code=MeetingError.BODY_NAME_TAKEN.code,
                violation_error_message=MeetingError.BODY_NAME_TAKEN.lazy_message,
            )
        ]

    def __str__(self) -> str:
        return in_page_language(self.name_th, self.name_en)


class Membership(Versioned):
    """A person or an organisation sitting on a body, in a role, over a period."""

    body = models.ForeignKey(Body, on_delete=models.CASCADE, related_name="memberships")
    person = models.ForeignKey(
        "directory.Person",
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="memberships",
    )
    organisation = models.ForeignKey(
        "directory.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="memberships",
    )
    role = models.CharField(_("role"), max_length=32, default="member")
    title = models.CharField(pgettext_lazy("membership title", "title"), max_length=200, blank=True)
    started_on = models.DateField(_("from"), null=True, blank=True)
    ended_on = models.DateField(_("until"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(person__isnull=False) | models.Q(organisation__isnull=False),
                name="membership_names_a_member",
                violation_error_code=MeetingError.NO_MEMBER_NAMED.code,
                violation_error_message=MeetingError.NO_MEMBER_NAMED.lazy_message,
            )
        ]

    def __str__(self) -> str:
        return str(self.person or self.organisation)
