"""The reports app's records: imported area boundaries (for real maps) and the quarterly reports to the governor."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from sanphalang.plans.periods import Period, PeriodKind, YearKind, periods_of
from sanphalang.versions import Versioned

from .errors import ReportError


class Boundary(models.Model):
    """An area's outline, imported from a GeoJSON file or a Shapefile keyed by the official area codes; kept in
    WGS 84 longitude and latitude, simplified for drawing."""

    area = models.OneToOneField(
        "areas.Area",
        verbose_name=_("area"),
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="boundary",
    )
    geometry = models.JSONField(_("outline"))
    source = models.CharField(_("source file"), max_length=200, blank=True)
    imported_at = models.DateTimeField(_("imported at"), auto_now=True)
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("area boundary")
        verbose_name_plural = _("area boundaries")

    def __str__(self) -> str:
        return str(self.area_id)


class BoundaryUploadStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for confirmation")
    QUEUED = "queued", _("Being imported")
    IMPORTED = "imported", _("Imported")


class BoundaryUpload(models.Model):
    """A boundary file kept between its check and the administrator's confirmation. The check reads it once and
    keeps the outlines it prepared (made valid, simplified, rounded), so the import writes them without reading
    the file again."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("uploaded by"), on_delete=models.CASCADE, related_name="+"
    )
    filename = models.CharField(_("file name"), max_length=255)
    data = models.BinaryField(_("file"))
    code_field = models.CharField(_("code field"), max_length=60, blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=BoundaryUploadStatus.choices, default=BoundaryUploadStatus.PENDING
    )
    # {"code_field", "features": [[number, code, geometry]...], "problems": [...], "levels": {...}}
    checked = models.JSONField(_("outlines read"), null=True, blank=True, editable=False)
    imported_count = models.PositiveIntegerField(_("outlines imported"), default=0)
    created_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("boundary file")
        verbose_name_plural = _("boundary files")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return self.filename


class QuarterlyReport(Versioned):
    """A province's quarterly report to the governor (S2): the narrative its coordinators write; the figures and
    lists come from the records when it is built, and are frozen in each edition issued."""

    province = models.ForeignKey(
        "areas.Area", verbose_name=_("province"), on_delete=models.PROTECT, related_name="quarterly_reports"
    )
    year_kind = models.CharField(_("kind of year"), max_length=10, choices=YearKind.choices)
    year_be = models.PositiveIntegerField(_("year (BE)"))
    quarter = models.PositiveSmallIntegerField(
        _("quarter"), validators=[MinValueValidator(1), MaxValueValidator(4)]
    )
    summary = models.TextField(_("summary"), blank=True, max_length=20000)
    # The working groups' parts, by issue area id ("general" for bodies without one): {"work_done", "problems",
    # "requests"} each. One record, so one version covers the whole narrative.
    group_notes = models.JSONField(_("working groups' notes"), default=dict, blank=True)
    problems = models.TextField(_("problems"), blank=True, max_length=20000)
    requests = models.TextField(_("requests"), blank=True, max_length=20000)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("quarterly report to the governor")
        verbose_name_plural = _("quarterly reports to the governor")
        ordering = ["province", "-year_be", "-quarter"]
        constraints = [
            models.UniqueConstraint(
                fields=["province", "year_kind", "year_be", "quarter"],
                name="unique_quarterly_report",
                violation_error_code=ReportError.REPORT_EXISTS.code,
                violation_error_message=ReportError.REPORT_EXISTS.lazy_message,
            )
        ]

    def __str__(self) -> str:
        return f"{self.province_id} {self.quarter}/{self.year_be}"

    def get_absolute_url(self) -> str:
        return reverse("reports:quarterly_detail", args=[self.pk])

    @property
    def period(self) -> Period:
        return periods_of(PeriodKind.QUARTER, self.year_kind, self.year_be)[self.quarter - 1]


class QuarterlyEdition(models.Model):
    """One build of a report: numbered when issued (1, 2… per report), or the latest draft preview (no number).
    Its content is the frozen document; its files are rendered from that content alone, so no later change of the
    records alters an issued edition."""

    report = models.ForeignKey(QuarterlyReport, on_delete=models.CASCADE, related_name="editions")
    number = models.PositiveIntegerField(_("edition"), null=True, blank=True)
    content = models.JSONField(_("content"))
    thai_digits = models.BooleanField(_("Thai digits"), default=False)
    pdf = models.BinaryField(_("PDF file"))
    docx = models.BinaryField(_("Word file"))
    built_at = models.DateTimeField(_("built at"))
    built_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("built by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    issued_at = models.DateTimeField(_("issued at"), null=True, blank=True)

    class Meta:
        verbose_name = _("edition of a quarterly report")
        verbose_name_plural = _("editions of quarterly reports")
        ordering = ["report", "-number"]
        constraints = [
            models.UniqueConstraint(
                fields=["report", "number"],
                name="unique_quarterly_edition",
                violation_error_code=ReportError.EDITION_TAKEN.code,
                violation_error_message=ReportError.EDITION_TAKEN.lazy_message,
            )
        ]

    def __str__(self) -> str:
        return f"{self.report} #{self.number or '-'}"

    @property
    def issued(self) -> bool:
        return self.number is not None
