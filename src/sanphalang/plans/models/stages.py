"""One mechanism for records that move through stages: area charters (S4) and registrations with authorities (S10).
Each stage reached is a StageEvent with its date, note and document version, so the record's path is its history.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from sanphalang.versions import Versioned

from ..errors import PlanError


class CharterStage(models.TextChoices):
    DRAFTING = "drafting", _("Drafting")
    HEARING = "hearing", _("Public hearing")
    ENACTED = "enacted", _("Enacted")
    IN_FORCE = "in_force", _("In force")
    REVISED = "revised", _("Revised")


class RegistrationStage(models.TextChoices):
    PREPARING = "preparing", _("Preparing bylaws and plan")
    SUBMITTED = "submitted", _("Application submitted")
    REVIEWING = "reviewing", _("Under review by the authority")
    REGISTERED = "registered", _("Registered")
    RENEWED = "renewed", _("Renewed")
    LAPSED = "lapsed", _("Lapsed")
    REFUSED = "refused", _("Refused")
    WITHDRAWN = "withdrawn", _("Withdrawn")


# The stages at which a charter is enacted, and a registration holds.
CHARTER_STAGES = CharterStage
REGISTRATION_STAGES = RegistrationStage
CHARTER_ENACTED_STAGES = (CharterStage.ENACTED, CharterStage.IN_FORCE, CharterStage.REVISED)
REGISTRATION_HELD_STAGES = (RegistrationStage.REGISTERED, RegistrationStage.RENEWED)


class RegistrationLaw(models.TextChoices):
    WELFARE_ORGANISATION = (
        "welfare_organisation",
        _("Community welfare organisation (Social Welfare Promotion Act 2546)"),
    )
    COMMUNITY_COUNCIL = (
        "community_council",
        _("Subdistrict community organisation council (Community Organisation Council Act 2551)"),
    )
    ASSOCIATION = "association", _("Association (Civil and Commercial Code)")
    FOUNDATION = "foundation", _("Foundation (Civil and Commercial Code)")
    COMMUNITY_ENTERPRISE = (
        "community_enterprise",
        _("Community enterprise (Community Enterprise Promotion Act 2548)"),
    )
    OTHER = "other", _("Other registration")


class Staged(Versioned):
    """A record that moves through stages; the current one is kept on the row, the path in its StageEvents."""

    stage_on = models.DateField(_("stage reached on"), null=True, blank=True)
    note = models.TextField(_("note"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        abstract = True


class Charter(Staged):
    """A subdistrict's area charter (ธรรมนูญตำบล): its stage, dates, versions and the body that adopted it."""

    area = models.ForeignKey(
        "areas.Area", verbose_name=_("subdistrict"), on_delete=models.PROTECT, related_name="charters"
    )
    title = models.CharField(_("name of the charter"), max_length=300)
    stage = models.CharField(
        _("stage"), max_length=12, choices=CharterStage.choices, default=CharterStage.DRAFTING
    )
    adopted_by = models.ForeignKey(
        "directory.Organisation",
        verbose_name=_("adopted by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="adopted_charters",
        help_text=_("The body that adopted it, such as the subdistrict community organisation council"),
    )
    history = HistoricalRecords()

    STAGES = CharterStage

    class Meta:
        verbose_name = _("area charter")
        verbose_name_plural = _("area charters")
        ordering = ["area", "pk"]

    def __str__(self) -> str:
        return self.title


class Registration(Staged):
    """An organisation's or a fund's registration with an authority: its steps, documents, number and renewals."""

    area = models.ForeignKey(
        "areas.Area", verbose_name=_("area"), on_delete=models.PROTECT, related_name="registrations"
    )
    organisation = models.ForeignKey(
        "directory.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="registrations",
    )
    fund = models.ForeignKey(
        "welfare.Fund",
        verbose_name=_("community welfare fund"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="registrations",
    )
    law = models.CharField(
        _("registered as"),
        max_length=24,
        choices=RegistrationLaw.choices,
        default=RegistrationLaw.WELFARE_ORGANISATION,
    )
    authority = models.ForeignKey(
        "directory.Organisation",
        verbose_name=_("registering authority"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="registrations_received",
    )
    stage = models.CharField(
        _("stage"), max_length=12, choices=RegistrationStage.choices, default=RegistrationStage.PREPARING
    )
    registration_number = models.CharField(_("registration number"), max_length=60, blank=True)
    registered_on = models.DateField(_("registered on"), null=True, blank=True)
    expires_on = models.DateField(_("to be renewed by"), null=True, blank=True)
    history = HistoricalRecords()

    STAGES = RegistrationStage

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["area", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(organisation__isnull=False) | models.Q(fund__isnull=False),
                name="registration_has_subject",
                violation_error_code=PlanError.REGISTRATION_NEEDS_SUBJECT.code,
                violation_error_message=PlanError.REGISTRATION_NEEDS_SUBJECT.lazy_message,
            ),
            models.CheckConstraint(
                condition=models.Q(expires_on__isnull=True)
                | models.Q(registered_on__isnull=True)
                | models.Q(expires_on__gte=models.F("registered_on")),
                name="registration_expires_after_made",
                violation_error_code=PlanError.EXPIRES_BEFORE_REGISTERED.code,
                violation_error_message=PlanError.EXPIRES_BEFORE_REGISTERED.lazy_message,
            ),
        ]

    def __str__(self) -> str:
        subject = self.organisation or self.fund
        return str(subject) if subject else str(self.pk)


class StageEvent(models.Model):
    """A stage a charter or a registration reached: when, what was noted, and the document version of that step."""

    charter = models.ForeignKey(
        Charter, on_delete=models.CASCADE, null=True, blank=True, related_name="events"
    )
    registration = models.ForeignKey(
        Registration, on_delete=models.CASCADE, null=True, blank=True, related_name="events"
    )
    stage = models.CharField(_("stage"), max_length=12)
    happened_on = models.DateField(_("date"))
    note = models.TextField(_("note"), blank=True)
    document_title = models.CharField(_("name of the document"), max_length=200, blank=True)
    document = models.FileField(_("document"), upload_to="stages/%Y/%m/", blank=True)
    document_version = models.PositiveSmallIntegerField(_("document version"), null=True, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("stage reached")
        verbose_name_plural = _("stages reached")
        ordering = ["happened_on", "pk"]
        indexes = [models.Index(fields=["stage", "happened_on"], name="plans_stageevent_figures")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(charter__isnull=False, registration__isnull=True)
                | models.Q(charter__isnull=True, registration__isnull=False),
                name="stage_event_of_one_record",
            )
        ]

    def __str__(self) -> str:
        return f"{self.stage} {self.happened_on}"
