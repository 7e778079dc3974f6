"""Plans and people's agendas of an area or a region for a year: a vision and the main works it is carried by."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from sanphalang.thai.preferences import in_page_language
from sanphalang.versions import Versioned

from ..errors import PlanError
from ..periods import PeriodKind, YearKind, year_bounds


class NationalStrategy(models.Model):
    """One of the six strategies of the national 20-year strategy (2561–2580 BE): reference data."""

    number = models.PositiveSmallIntegerField(_("number"), unique=True)
    name_th = models.CharField(_("name (Thai)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("national strategy")
        verbose_name_plural = _("national strategies")
        ordering = ["number"]

    def __str__(self) -> str:
        return f"{self.number}. {in_page_language(self.name_th, self.name_en)}"


class PlanStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    ADOPTED = "adopted", _("Adopted")
    CLOSED = "closed", _("Closed")


class Plan(Versioned):
    """A plan or people's agenda (วาระคนพะเยา) of an area, or of a region of provinces, for one year."""

    title = models.CharField(_("name of the plan"), max_length=300)
    area = models.ForeignKey(
        "areas.Area",
        verbose_name=_("area"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="plans",
    )
    region = models.ForeignKey(
        "areas.Region",
        verbose_name=_("region"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="plans",
    )
    year_kind = models.CharField(
        _("kind of year"), max_length=10, choices=YearKind.choices, default=YearKind.FISCAL
    )
    year_be = models.PositiveIntegerField(_("year (BE)"))
    period_kind = models.CharField(
        _("progress is reported per"),
        max_length=10,
        choices=PeriodKind.choices,
        default=PeriodKind.QUARTER,
    )
    vision = models.TextField(_("vision"), blank=True)
    summary = models.TextField(_("summary"), blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=PlanStatus.choices, default=PlanStatus.DRAFT
    )
    adopted_on = models.DateField(_("adopted on"), null=True, blank=True)
    meeting = models.ForeignKey(
        "meetings.Meeting",
        verbose_name=_("meeting or forum"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="plans",
        help_text=_("Where the plan was adopted"),
    )
    issue_areas = models.ManyToManyField(
        "directory.IssueArea", verbose_name=_("issue areas"), blank=True, related_name="plans"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords(m2m_fields=[issue_areas])

    class Meta:
        verbose_name = _("plan")
        verbose_name_plural = _("plans")
        ordering = ["-year_be", "title", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(area__isnull=False, region__isnull=True)
                | models.Q(area__isnull=True, region__isnull=False),
                name="plan_belongs_to_area_or_region",
                violation_error_code=PlanError.PLAN_NEEDS_ONE_OWNER.code,
                violation_error_message=PlanError.PLAN_NEEDS_ONE_OWNER.lazy_message,
            ),
            models.CheckConstraint(
                condition=models.Q(year_be__gte=2500, year_be__lte=2700),
                name="plan_year_in_range",
                violation_error_code=PlanError.YEAR_OUT_OF_RANGE.code,
                violation_error_message=PlanError.YEAR_OUT_OF_RANGE.lazy_message,
            ),
            models.UniqueConstraint(
                fields=["area", "year_be", "title"],
                name="unique_plan_title_per_area_year",
                violation_error_code=PlanError.PLAN_TITLE_TAKEN.code,
                violation_error_message=PlanError.PLAN_TITLE_TAKEN.lazy_message,
            ),
            models.UniqueConstraint(
                fields=["region", "year_be", "title"],
                name="unique_plan_title_per_region_year",
                violation_error_code=PlanError.PLAN_TITLE_TAKEN.code,
                violation_error_message=PlanError.PLAN_TITLE_TAKEN.lazy_message,
            ),
        ]
        indexes = [models.Index(fields=["area", "year_be"])]

    def __str__(self) -> str:
        return self.title

    @property
    def starts_on(self):
        return year_bounds(self.year_kind, self.year_be)[0]

    @property
    def ends_on(self):
        return year_bounds(self.year_kind, self.year_be)[1]

    @property
    def owner_name(self) -> str:
        return str(self.region) if self.region_id else str(self.area)


class MainWork(Versioned):
    """One of a plan's main works (งานหลัก), tied to issue areas and the national strategies it serves."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="main_works")
    number = models.PositiveSmallIntegerField(_("number"))
    title = models.CharField(_("name of the main work"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    issue_areas = models.ManyToManyField(
        "directory.IssueArea", verbose_name=_("issue areas"), blank=True, related_name="main_works"
    )
    strategies = models.ManyToManyField(
        NationalStrategy, verbose_name=_("national strategies"), blank=True, related_name="main_works"
    )
    history = HistoricalRecords(m2m_fields=[issue_areas, strategies])

    class Meta:
        verbose_name = _("main work")
        verbose_name_plural = _("main works")
        ordering = ["plan", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "number"],
                name="unique_main_work_number",
                violation_error_code=PlanError.MAIN_WORK_NUMBER_TAKEN.code,
                violation_error_message=PlanError.MAIN_WORK_NUMBER_TAKEN.lazy_message,
            )
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.title}"
