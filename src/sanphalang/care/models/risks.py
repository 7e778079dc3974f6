"""Disaster-risk areas (S6): villages on a watch list with their hazard and season, and the incidents that hit
them, with the households affected (linked to the registry), the help given and the fund payments they caused."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from sanphalang.thai.templatetags.thai import be_date
from sanphalang.versions import Versioned

from ..errors import CareError


class Hazard(models.TextChoices):
    FLOOD = "flood", _("Flood")
    FLASH_FLOOD = "flash_flood", _("Flash flood and mudslide")
    LANDSLIDE = "landslide", _("Landslide")
    DROUGHT = "drought", _("Drought")
    FOREST_FIRE = "forest_fire", _("Forest fire and haze")
    STORM = "storm", _("Storm")
    OTHER = "other", _("Other hazard")


class Month(models.IntegerChoices):
    JANUARY = 1, _("January")
    FEBRUARY = 2, _("February")
    MARCH = 3, _("March")
    APRIL = 4, _("April")
    MAY = 5, _("May")
    JUNE = 6, _("June")
    JULY = 7, _("July")
    AUGUST = 8, _("August")
    SEPTEMBER = 9, _("September")
    OCTOBER = 10, _("October")
    NOVEMBER = 11, _("November")
    DECEMBER = 12, _("December")


class RiskArea(Versioned):
    """A village (or subdistrict) hit again and again by one hazard, in its season (which may run over the new
    year: November to February)."""

    area = models.ForeignKey(
        "areas.Area",
        verbose_name=_("village or subdistrict"),
        on_delete=models.PROTECT,
        related_name="risk_areas",
    )
    hazard = models.CharField(_("hazard"), max_length=16, choices=Hazard.choices)
    season_starts = models.PositiveSmallIntegerField(_("season starts in"), choices=Month.choices)
    season_ends = models.PositiveSmallIntegerField(_("season ends in"), choices=Month.choices)
    households_at_risk = models.PositiveIntegerField(_("households at risk"), null=True, blank=True)
    note = models.TextField(_("note"), blank=True, max_length=4000)
    listed_on = models.DateField(_("on the watch list since"))
    is_active = models.BooleanField(_("on the watch list"), default=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("disaster-risk area")
        verbose_name_plural = _("disaster-risk areas")
        ordering = ["area_id", "hazard"]
        constraints = [
            models.UniqueConstraint(
                fields=["area", "hazard"],
                name="care_one_watch_per_hazard",
                violation_error_code="risk_area_listed",
                violation_error_message=_("This area is on the watch list for this hazard already."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_hazard_display()}: {self.area}"

    def in_season(self, month: int) -> bool:
        if self.season_starts <= self.season_ends:
            return self.season_starts <= month <= self.season_ends
        return month >= self.season_starts or month <= self.season_ends


class Incident(Versioned):
    """A disaster that struck: where, when, what happened, and the households it hit."""

    risk_area = models.ForeignKey(
        RiskArea,
        verbose_name=_("watch-list entry"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="incidents",
    )
    area = models.ForeignKey(
        "areas.Area", verbose_name=_("area hit"), on_delete=models.PROTECT, related_name="incidents"
    )
    hazard = models.CharField(_("hazard"), max_length=16, choices=Hazard.choices)
    occurred_on = models.DateField(_("occurred on"))
    ended_on = models.DateField(_("ended on"), null=True, blank=True)
    description = models.TextField(_("what happened"), max_length=4000)
    households_affected = models.ManyToManyField(
        "care.Household", through="care.AffectedHousehold", related_name="incidents", blank=True
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("disaster incident")
        verbose_name_plural = _("disaster incidents")
        ordering = ["-occurred_on", "-id"]
        indexes = [
            models.Index(
                fields=["area", "occurred_on"],
                name="care_incident_figures",
                opclasses=["varchar_pattern_ops", "date_ops"],
            )
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ended_on__isnull=True) | models.Q(ended_on__gte=models.F("occurred_on")),
                name="care_incident_ends_after_start",
                violation_error_code=CareError.ENDS_BEFORE_START.code,
                violation_error_message=CareError.ENDS_BEFORE_START.lazy_message,
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_hazard_display()} {be_date(self.occurred_on)}"


class AffectedHousehold(models.Model):
    incident = models.ForeignKey(Incident, on_delete=models.CASCADE, related_name="affected")
    household = models.ForeignKey("care.Household", on_delete=models.CASCADE, related_name="+")
    damage = models.CharField(_("damage"), max_length=300, blank=True)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        verbose_name = _("household affected")
        verbose_name_plural = _("households affected")
        constraints = [
            models.UniqueConstraint(fields=["incident", "household"], name="care_affected_once"),
        ]

    def __str__(self) -> str:
        return f"{self.incident_id}/{self.household_id}"
