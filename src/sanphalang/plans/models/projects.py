"""Projects under a plan or an agreement: who owns them, with which partners, where, for how long, on which budget."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from sanphalang.versions import Versioned

from ..errors import PlanError


class ProjectStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    RUNNING = "running", _("Under way")
    DONE = "done", _("Completed")
    SUSPENDED = "suspended", _("Suspended")
    CANCELLED = "cancelled", _("Cancelled")


class Project(Versioned):
    """A project of a plan (or of an agreement alone), owned by an organisation, run in its areas."""

    plan = models.ForeignKey(
        "plans.Plan",
        verbose_name=_("plan"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="projects",
    )
    agreement = models.ForeignKey(
        "plans.Agreement",
        verbose_name=_("agreement"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="projects",
    )
    main_work = models.ForeignKey(
        "plans.MainWork",
        verbose_name=_("main work"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="projects",
    )
    # The area the project's records belong to, for access: the plan's area, or a district or tambon below it.
    area = models.ForeignKey(
        "areas.Area", verbose_name=_("area"), on_delete=models.PROTECT, related_name="projects"
    )
    external_id = models.CharField(
        _("external id"),
        max_length=60,
        blank=True,
        help_text=_("The project's code in the spreadsheet or system it comes from; a re-import updates it"),
    )
    name = models.CharField(_("name of the project"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    owner = models.ForeignKey(
        "directory.Organisation",
        verbose_name=_("owner"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="owned_projects",
    )
    partners = models.ManyToManyField(
        "directory.Organisation", verbose_name=_("partners"), blank=True, related_name="partner_projects"
    )
    areas = models.ManyToManyField(
        "areas.Area", verbose_name=_("where it works"), blank=True, related_name="worked_projects"
    )
    issue_areas = models.ManyToManyField(
        "directory.IssueArea", verbose_name=_("issue areas"), blank=True, related_name="projects"
    )
    starts_on = models.DateField(_("starts on"), null=True, blank=True)
    ends_on = models.DateField(_("ends on"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=ProjectStatus.choices, default=ProjectStatus.PLANNED
    )
    history = HistoricalRecords(m2m_fields=[partners, areas, issue_areas])

    class Meta:
        verbose_name = _("project")
        verbose_name_plural = _("projects")
        ordering = ["name", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(plan__isnull=False) | models.Q(agreement__isnull=False),
                name="project_has_plan_or_agreement",
                violation_error_code=PlanError.PROJECT_NEEDS_HOME.code,
                violation_error_message=PlanError.PROJECT_NEEDS_HOME.lazy_message,
            ),
            models.CheckConstraint(
                condition=models.Q(ends_on__isnull=True)
                | models.Q(starts_on__isnull=True)
                | models.Q(ends_on__gte=models.F("starts_on")),
                name="project_ends_after_start",
                violation_error_code=PlanError.PROJECT_ENDS_BEFORE_START.code,
                violation_error_message=PlanError.PROJECT_ENDS_BEFORE_START.lazy_message,
            ),
            models.UniqueConstraint(
                fields=["plan", "external_id"],
                condition=~models.Q(external_id=""),
                name="unique_project_external_id",
                violation_error_code=PlanError.EXTERNAL_ID_TAKEN.code,
                violation_error_message=PlanError.EXTERNAL_ID_TAKEN.lazy_message,
            ),
        ]

    def __str__(self) -> str:
        return self.name


class BudgetSource(models.TextChoices):
    CODI = "codi", _("Community Organizations Development Institute (CODI)")
    PROVINCIAL_ADMINISTRATION = "pao", _("Provincial administrative organisation")
    LOCAL_GOVERNMENT = "local", _("Local government")
    GOVERNMENT_AGENCY = "agency", _("Government agency")
    PROVINCE = "province", _("Province's budget")
    HEALTH_FUND = "health", _("Health promotion fund")
    COMMUNITY = "community", _("The community's own funds")
    PRIVATE = "private", _("Business (CSR) and donors")
    OTHER = "other", _("Other source")


class BudgetLine(Versioned):
    """An amount a project has from one source, for one year."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="budget_lines")
    source = models.CharField(_("source"), max_length=10, choices=BudgetSource.choices)
    funder = models.ForeignKey(
        "directory.Organisation",
        verbose_name=_("funder"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="funded_budget_lines",
    )
    year_be = models.PositiveIntegerField(_("year (BE)"), null=True, blank=True)
    amount = models.DecimalField(_("amount (baht)"), max_digits=14, decimal_places=2)
    note = models.CharField(_("note"), max_length=300, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("budget line")
        verbose_name_plural = _("budget lines")
        ordering = ["project", "source", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(amount__gt=0),
                name="budget_line_positive",
                violation_error_code=PlanError.BUDGET_NOT_POSITIVE.code,
                violation_error_message=PlanError.BUDGET_NOT_POSITIVE.lazy_message,
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_source_display()} {self.amount}"
