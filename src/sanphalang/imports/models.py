"""An uploaded import file, kept between its preview and the owner's confirmation."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ImportEntity(models.TextChoices):
    ORGANISATIONS = "organisations", _("Organisations")
    PEOPLE = "people", _("People")
    VILLAGES = "villages", _("Villages and urban communities")
    AGENDA = "agenda", _("Meeting agenda items")
    ATTENDANCE = "attendance", _("Meeting attendance")
    FUND_FIGURES = "fund_figures", _("Welfare fund yearly figures")
    FUND_SOURCE = "fund_source", _("Welfare fund source")
    PLAN_PROJECTS = "plan_projects", _("Projects of a plan")
    PLAN_TARGETS = "plan_targets", _("Targets of a plan")
    PLAN_TARGET_SPLITS = "plan_target_splits", _("Targets of areas (a target's split)")
    PLAN_PROGRESS = "plan_progress", _("Progress of a plan's targets")
    CARE_HOUSEHOLDS = "care_households", _("Households and their members")


class ImportStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for confirmation")
    QUEUED = "queued", _("Being imported")
    IMPORTED = "imported", _("Imported")
    FAILED = "failed", _("Not imported")


class ImportBatch(models.Model):
    entity = models.CharField(_("what is imported"), max_length=20, choices=ImportEntity.choices)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        on_delete=models.CASCADE,
        related_name="import_batches",
    )
    meeting = models.ForeignKey(
        "meetings.Meeting",
        verbose_name=_("into the meeting"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("For agenda items and attendance: the meeting they belong to"),
    )
    # What else an import needs to know, chosen on upload: a fund source's name, province and column mapping.
    options = models.JSONField(_("options"), default=dict, blank=True)
    filename = models.CharField(_("file name"), max_length=255)
    data = models.BinaryField(_("file"))
    # The file as read on upload ({"headings": [...], "rows": [[line, [cells]], ...]}): the preview and the
    # import use it, so a file is parsed once.
    table = models.JSONField(_("rows read"), null=True, blank=True, editable=False)
    status = models.CharField(
        _("status"), max_length=12, choices=ImportStatus.choices, default=ImportStatus.PENDING
    )
    row_count = models.PositiveIntegerField(_("rows"), default=0)
    created_count = models.PositiveIntegerField(_("records created"), default=0)
    skipped_count = models.PositiveIntegerField(_("rows skipped"), default=0)
    created_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)
    finished_at = models.DateTimeField(_("imported at"), null=True, blank=True)

    class Meta:
        verbose_name = _("import")
        verbose_name_plural = _("imports")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.get_entity_display()}: {self.filename}"

    def read_table(self):
        from .tabular import Table, read_table

        if self.table is None:  # uploaded before files were kept as read
            return read_table(bytes(self.data), self.filename)
        return Table(
            headings=list(self.table["headings"]), rows=[(line, cells) for line, cells in self.table["rows"]]
        )
