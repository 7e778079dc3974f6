"""A long piece of work done outside the request: who started it, how far it is, and how it ended."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class JobStatus(models.TextChoices):
    QUEUED = "queued", _("Waiting to start")
    RUNNING = "running", _("Running")
    DONE = "done", _("Finished")
    FAILED = "failed", _("Failed")


class Job(models.Model):
    kind = models.CharField(_("kind"), max_length=40)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("started by"), on_delete=models.CASCADE, related_name="jobs"
    )
    params = models.JSONField(_("parameters"), default=dict, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=JobStatus.choices, default=JobStatus.QUEUED)
    done = models.PositiveIntegerField(_("done"), default=0)
    total = models.PositiveIntegerField(_("total"), default=0)
    result = models.JSONField(_("result"), default=dict, blank=True)
    row_errors = models.JSONField(_("row errors"), default=list, blank=True)
    failure = models.TextField(_("why it failed"), blank=True)
    task_result_id = models.CharField(_("task"), max_length=64, blank=True)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    created_at = models.DateTimeField(_("started at"), auto_now_add=True)
    started_at = models.DateTimeField(_("running since"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)

    class Meta:
        verbose_name = _("job")
        verbose_name_plural = _("jobs")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["status", "started_at"])]

    def __str__(self) -> str:
        return f"{self.kind} #{self.pk}"

    def get_absolute_url(self) -> str:
        return reverse("jobs:detail", args=[self.pk])

    @property
    def finished(self) -> bool:
        return self.status in (JobStatus.DONE, JobStatus.FAILED)

    @property
    def percent(self) -> int:
        return int(100 * self.done / self.total) if self.total else (100 if self.finished else 0)
