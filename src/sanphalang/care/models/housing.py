"""Housing: households in a repair or secure-housing programme (บ้านพอเพียง, บ้านมั่นคง), with the grant, the work
done and its completion. Completed works count towards a project's target in the plans app."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from sanphalang.versions import Versioned

from ..errors import CareError


class HousingProgramme(models.TextChoices):
    RURAL_REPAIR = "rural_repair", _("Rural housing repair (Baan Por Piang)")
    SECURE_HOUSING = "secure_housing", _("Secure housing (Baan Mankong)")
    OTHER = "other", _("Other housing programme")


class HousingStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    UNDER_WAY = "under_way", _("Work under way")
    COMPLETED = "completed", _("Completed")
    CANCELLED = "cancelled", _("Cancelled")


class HousingWork(Versioned):
    household = models.ForeignKey(
        "care.Household", verbose_name=_("household"), on_delete=models.CASCADE, related_name="housing_works"
    )
    area = models.ForeignKey("areas.Area", on_delete=models.PROTECT, related_name="+", editable=False)
    programme = models.CharField(_("programme"), max_length=16, choices=HousingProgramme.choices)
    project = models.ForeignKey(
        "plans.Project",
        verbose_name=_("project"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="housing_works",
    )
    grant = models.DecimalField(_("grant (baht)"), max_digits=14, decimal_places=2, null=True, blank=True)
    work = models.TextField(_("work done"), blank=True, max_length=4000)
    status = models.CharField(
        _("status"), max_length=10, choices=HousingStatus.choices, default=HousingStatus.PLANNED
    )
    started_on = models.DateField(_("started on"), null=True, blank=True)
    completed_on = models.DateField(_("completed on"), null=True, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("housing work")
        verbose_name_plural = _("housing works")
        ordering = ["-id"]
        indexes = [models.Index(fields=["status", "completed_on", "area"], name="care_housing_completed")]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(status="completed") | models.Q(completed_on__isnull=False),
                name="care_housing_completed_has_date",
                violation_error_code="housing_completion_date_required",
                violation_error_message=_("A completed work needs the day it was completed."),
            ),
            models.CheckConstraint(
                condition=models.Q(completed_on__isnull=True)
                | models.Q(started_on__isnull=True)
                | models.Q(completed_on__gte=models.F("started_on")),
                name="care_housing_ends_after_start",
                violation_error_code=CareError.ENDS_BEFORE_START.code,
                violation_error_message=CareError.ENDS_BEFORE_START.lazy_message,
            ),
        ]

    def __str__(self) -> str:
        return f"{_('housing work')} #{self.pk}"
