"""Targets and their progress: an indicator of a plan (or of one of its projects) with its unit, baseline and
target, the target's split over areas, the progress entered per area and period, and the periods the province has
approved and locked.

An entry counts once it is approved. A percentage is entered as its parts (how many out of how many), so a roll-up
adds the parts and divides, never adds percentages. A target fed by records (charters enacted, registrations
completed) is counted, not typed.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from sanphalang.versions import Versioned

from ..errors import PlanError


class Unit(models.TextChoices):
    HOUSEHOLDS = "households", _("households")
    PEOPLE = "people", _("people")
    SUBDISTRICTS = "subdistricts", _("subdistricts")
    VILLAGES = "villages", _("villages")
    ORGANISATIONS = "organisations", _("organisations")
    FUNDS = "funds", _("funds")
    GROUPS = "groups", _("groups")
    PROJECTS = "projects", _("projects")
    TIMES = "times", _("times")
    RAI = "rai", _("rai")
    BAHT = "baht", _("baht")
    PERCENT = "percent", _("percent")
    OTHER = "other", _("other unit")


class CountedBy(models.TextChoices):
    """Records that feed a target instead of typed progress (plans/counting.py counts each)."""

    TYPED = "", _("Typed by the areas")
    CHARTERS_ENACTED = "charters_enacted", _("Subdistricts with an enacted area charter")
    REGISTRATIONS_COMPLETED = "registrations_completed", _("Registrations completed")
    WELFARE_ORGANISATIONS = (
        "welfare_organisations",
        _("Funds and networks certified as welfare organisations"),
    )
    HOUSING_COMPLETED = "housing_completed", _("Households whose housing work is completed")


class Measure(models.Model):
    """A figure many plans track alike (households whose houses were repaired), so that provinces and years compare:
    reference data an administrator keeps."""

    slug = models.SlugField(_("short name"), max_length=60, unique=True)
    name_th = models.CharField(_("name (Thai)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200, blank=True)
    unit = models.CharField(_("unit"), max_length=16, choices=Unit.choices)
    counted_by = models.CharField(
        _("counted from"), max_length=32, choices=CountedBy.choices, blank=True, default=CountedBy.TYPED
    )

    class Meta:
        verbose_name = _("common measure")
        verbose_name_plural = _("common measures")
        ordering = ["slug"]

    def __str__(self) -> str:
        from sanphalang.thai.preferences import in_page_language

        return in_page_language(self.name_th, self.name_en)


class Indicator(Versioned):
    """A target of a plan: what is counted, in what unit, from which baseline to which target, over the plan's
    year. Its whole is the plan's area (or region); TargetSplit gives the parts of its areas."""

    plan = models.ForeignKey(
        "plans.Plan", verbose_name=_("plan"), on_delete=models.CASCADE, related_name="indicators"
    )
    project = models.ForeignKey(
        "plans.Project",
        verbose_name=_("project"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="indicators",
    )
    main_work = models.ForeignKey(
        "plans.MainWork",
        verbose_name=_("main work"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="indicators",
    )
    external_id = models.CharField(
        _("external id"),
        max_length=60,
        blank=True,
        help_text=_("The target's code in the spreadsheet or system it comes from; a re-import updates it"),
    )
    name = models.CharField(_("indicator"), max_length=300)
    measure = models.ForeignKey(
        Measure,
        verbose_name=_("common measure"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="indicators",
        help_text=_("The figure many plans track alike; provinces and years compare on it"),
    )
    unit = models.CharField(_("unit"), max_length=16, choices=Unit.choices, default=Unit.HOUSEHOLDS)
    unit_label = models.CharField(_("name of the unit"), max_length=60, blank=True)
    accumulates = models.BooleanField(
        _("entries add up over the year"),
        default=True,
        help_text=_(
            "Ticked: each period's entry is what was done in it, and the year's progress is their sum. Not "
            "ticked: each entry is the standing at the end of its period, and the latest one counts."
        ),
    )
    baseline = models.DecimalField(_("baseline"), max_digits=16, decimal_places=2, null=True, blank=True)
    target = models.DecimalField(_("target"), max_digits=16, decimal_places=2)
    counted_by = models.CharField(
        _("progress comes from"),
        max_length=32,
        choices=CountedBy.choices,
        blank=True,
        default=CountedBy.TYPED,
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("target")
        verbose_name_plural = _("targets")
        ordering = ["plan", "order", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(target__gt=0),
                name="indicator_target_positive",
                violation_error_code=PlanError.TARGET_NOT_POSITIVE.code,
                violation_error_message=PlanError.TARGET_NOT_POSITIVE.lazy_message,
            ),
            models.CheckConstraint(
                condition=~models.Q(unit="percent") | models.Q(target__lte=100),
                name="indicator_percent_at_most_100",
                violation_error_code=PlanError.PERCENT_ABOVE_100.code,
                violation_error_message=PlanError.PERCENT_ABOVE_100.lazy_message,
            ),
            models.UniqueConstraint(
                fields=["plan", "external_id"],
                condition=~models.Q(external_id=""),
                name="unique_indicator_external_id",
                violation_error_code=PlanError.EXTERNAL_ID_TAKEN.code,
                violation_error_message=PlanError.EXTERNAL_ID_TAKEN.lazy_message,
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def is_percent(self) -> bool:
        return self.unit == Unit.PERCENT

    @property
    def takes_latest(self) -> bool:
        """Entries are standings (the latest counts), not amounts done in a period; a percentage always is."""
        return self.is_percent or not self.accumulates

    @property
    def is_counted(self) -> bool:
        return bool(self.counted_by)

    @property
    def unit_name(self) -> str:
        return self.unit_label if self.unit == Unit.OTHER and self.unit_label else self.get_unit_display()


class TargetSplit(Versioned):
    """The part of a target one area takes on (Phayao's 618 households over its 9 districts)."""

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="splits")
    area = models.ForeignKey("areas.Area", verbose_name=_("area"), on_delete=models.PROTECT, related_name="+")
    target = models.DecimalField(_("target"), max_digits=16, decimal_places=2)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("target of an area")
        verbose_name_plural = _("targets of areas")
        ordering = ["indicator", "area"]
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "area"],
                name="unique_target_split_area",
                violation_error_code=PlanError.SPLIT_AREA_TAKEN.code,
                violation_error_message=PlanError.SPLIT_AREA_TAKEN.lazy_message,
            ),
            models.CheckConstraint(
                condition=models.Q(target__gte=0),
                name="target_split_not_negative",
                violation_error_code=PlanError.VALUE_NEGATIVE.code,
                violation_error_message=PlanError.VALUE_NEGATIVE.lazy_message,
            ),
        ]

    def __str__(self) -> str:
        return f"{self.area_id}: {self.target}"


class EntryStatus(models.TextChoices):
    SUBMITTED = "submitted", _("Waiting for approval")
    APPROVED = "approved", _("Approved")
    RETURNED = "returned", _("Returned for correction")


class ProgressEntry(Versioned):
    """What an area reports for a target in one period, with its evidence. It counts once the province approves."""

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="entries")
    area = models.ForeignKey("areas.Area", verbose_name=_("area"), on_delete=models.PROTECT, related_name="+")
    period_start = models.DateField(_("period"))
    value = models.DecimalField(_("progress"), max_digits=16, decimal_places=2)
    # For a percentage: the whole the value is part of (30 villages out of 40).
    denominator = models.DecimalField(_("out of"), max_digits=16, decimal_places=2, null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=EntryStatus.choices, default=EntryStatus.SUBMITTED
    )
    note = models.TextField(_("what was done"), blank=True)
    evidence_file = models.FileField(_("evidence file"), upload_to="progress/%Y/%m/", blank=True)
    evidence_meeting = models.ForeignKey(
        "meetings.Meeting",
        verbose_name=_("evidence meeting"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="progress_entries",
    )
    evidence_link = models.CharField(
        _("evidence record"),
        max_length=300,
        blank=True,
        help_text=_("The address of a record in Sanphalang or elsewhere that shows the work"),
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    return_reason = models.TextField(_("why it was returned"), blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("progress entry")
        verbose_name_plural = _("progress entries")
        ordering = ["indicator", "period_start", "area"]
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "area", "period_start"],
                name="unique_progress_entry",
                violation_error_code=PlanError.ENTRY_EXISTS.code,
                violation_error_message=PlanError.ENTRY_EXISTS.lazy_message,
            ),
            models.CheckConstraint(
                condition=models.Q(value__gte=0),
                name="progress_not_negative",
                violation_error_code=PlanError.VALUE_NEGATIVE.code,
                violation_error_message=PlanError.VALUE_NEGATIVE.lazy_message,
            ),
        ]
        indexes = [
            models.Index(fields=["indicator", "status", "area"], name="plans_entry_rollup"),
            # The dashboards' approved reports by area and quarter (the pattern class: see care's Household)
            models.Index(
                fields=["area", "period_start", "status"],
                name="plans_entry_figures",
                opclasses=["varchar_pattern_ops", "date_ops", "varchar_ops"],
            ),
        ]

    def __str__(self) -> str:
        return f"{self.indicator} {self.area_id} {self.period_start}"


class PeriodLock(models.Model):
    """A period of a plan the province approved: its entries are locked until an administrator reopens it."""

    plan = models.ForeignKey("plans.Plan", on_delete=models.CASCADE, related_name="locks")
    period_start = models.DateField(_("period"))
    locked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    locked_at = models.DateTimeField(_("approved at"), auto_now_add=True)
    reopened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    reopened_at = models.DateTimeField(_("reopened at"), null=True, blank=True)
    reopen_reason = models.TextField(_("why it was reopened"), blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("approved period")
        verbose_name_plural = _("approved periods")
        ordering = ["plan", "period_start", "locked_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "period_start"],
                condition=models.Q(reopened_at__isnull=True),
                name="one_open_lock_per_period",
            )
        ]

    def __str__(self) -> str:
        return f"{self.plan_id} {self.period_start}"

    @property
    def is_active(self) -> bool:
        return self.reopened_at is None
