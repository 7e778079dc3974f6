"""A report given to be read (pasted text or a file, kept as given), its draft, and the records accepted from it."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .errors import IngestProblem


class DocumentMedia(models.TextChoices):
    PASTED = "pasted", _("Pasted text")
    TEXT = "txt", _("Text file")
    WORD = "docx", _("Word document")
    PDF = "pdf", _("PDF")


class DocumentStatus(models.TextChoices):
    WAITING = "waiting", _("Waiting to be read")
    READ = "read", _("Draft ready for review")
    UNREADABLE = "unreadable", _("Could not be read")
    ACCEPTED = "accepted", _("Accepted into the records")
    DISCARDED = "discarded", _("Discarded")


class SourceDocument(models.Model):
    """What a user gave: the original bytes (a file) or the pasted text, the text read from it, and the draft.
    Its area decides who sees and reviews it; nothing of it enters the records until someone accepts it."""

    area = models.ForeignKey(
        "areas.Area", verbose_name=_("area"), on_delete=models.PROTECT, related_name="source_documents"
    )
    name = models.CharField(_("name"), max_length=255)
    media = models.CharField(_("kind of document"), max_length=10, choices=DocumentMedia.choices)
    content = models.BinaryField(_("file"), blank=True, default=b"")
    size = models.PositiveIntegerField(_("size (bytes)"), default=0)
    sha256 = models.CharField(max_length=64, blank=True, editable=False, db_index=True)
    text = models.TextField(_("text"), blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=DocumentStatus.choices, default=DocumentStatus.WAITING
    )
    # Why it could not be read: the problem's code and its message's arguments, so the message is shown in the
    # reader's language.
    problem = models.CharField(_("problem"), max_length=40, blank=True)
    problem_params = models.JSONField(default=dict, blank=True)
    # The draft as read (draft.py: Draft.as_stored): every value with the span of the text it came from.
    draft = models.JSONField(_("draft"), null=True, blank=True)
    job = models.ForeignKey(
        "jobs.Job", verbose_name=_("read by the job"), on_delete=models.SET_NULL, null=True, blank=True
    )
    given_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("given by"),
        on_delete=models.PROTECT,
        related_name="source_documents",
    )
    given_at = models.DateTimeField(_("given at"), auto_now_add=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("accepted or discarded by"),
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
    )
    decided_at = models.DateTimeField(_("accepted or discarded at"), null=True, blank=True)

    class Meta:
        verbose_name = _("report given")
        verbose_name_plural = _("reports given")
        ordering = ["-given_at", "-id"]
        indexes = [models.Index(fields=["area", "status"])]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("ingest:document_detail", args=[self.pk])

    def problem_message(self) -> str:
        if not self.problem:
            return ""
        for problem in IngestProblem:
            if problem.code == self.problem:
                return problem.message(**self.problem_params)
        return self.problem

    @property
    def reviewable(self) -> bool:
        return self.status == DocumentStatus.READ


class AcceptedRecord(models.Model):
    """A record made from a document when it was accepted: the link back from the record to its source."""

    document = models.ForeignKey(
        SourceDocument, verbose_name=_("report"), on_delete=models.PROTECT, related_name="records"
    )
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    record = GenericForeignKey("content_type", "object_id")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("record accepted from a report")
        verbose_name_plural = _("records accepted from reports")
        indexes = [models.Index(fields=["content_type", "object_id"])]
        constraints = [
            models.UniqueConstraint(
                fields=["document", "content_type", "object_id"], name="ingest_record_once_a_document"
            )
        ]

    def __str__(self) -> str:
        return f"{self.document}: {self.content_type.model} {self.object_id}"
