"""Legal status (S8): a stateless person's case for a status, its steps with their dates, the documents gathered,
the agency it waits on, and how long it has stood at its current step."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from sanphalang.versions import Versioned


class StatusSought(models.TextChoices):
    BIRTH_REGISTRATION = "birth_registration", _("Birth registration")
    HOUSE_REGISTER = "house_register", _("Entry in a house register")
    STATUS_CARD = "status_card", _("ID card for a person without registration status")
    THAI_NATIONALITY = "thai_nationality", _("Thai nationality")
    PERMANENT_RESIDENCE = "permanent_residence", _("Permanent residence")
    OTHER = "other", _("Other status")


class StatusStep(models.TextChoices):
    """The steps most cases go through at the district office and beyond, in their usual order."""

    FACTS_GATHERED = "facts_gathered", _("Facts and family history gathered")
    DOCUMENTS_GATHERED = "documents_gathered", _("Documents gathered")
    WITNESSES_HEARD = "witnesses_heard", _("Witnesses heard")
    DNA_TESTED = "dna_tested", _("DNA test")
    FILED = "filed", _("Application filed at the district office")
    DISTRICT_REVIEW = "district_review", _("Under review by the district")
    PROVINCE_REVIEW = "province_review", _("Under review by the province")
    MINISTRY_REVIEW = "ministry_review", _("Under review by the Ministry of Interior")
    GRANTED = "granted", _("Status granted")
    REFUSED = "refused", _("Refused")
    WITHDRAWN = "withdrawn", _("Withdrawn")


FINAL_STEPS = {StatusStep.GRANTED, StatusStep.REFUSED, StatusStep.WITHDRAWN}


class LegalStatusCase(Versioned):
    """A person's case for a legal status, and the step it stands at (kept with the day it got there)."""

    member = models.ForeignKey(
        "care.Member", verbose_name=_("person"), on_delete=models.CASCADE, related_name="legal_status_cases"
    )
    # The household's area, copied for access.
    area = models.ForeignKey("areas.Area", on_delete=models.PROTECT, related_name="+", editable=False)
    status_sought = models.CharField(_("status sought"), max_length=24, choices=StatusSought.choices)
    agency = models.ForeignKey(
        "directory.Organisation",
        verbose_name=_("agency it waits on"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    opened_on = models.DateField(_("opened on"))
    step = models.CharField(_("current step"), max_length=24, choices=StatusStep.choices)
    step_since = models.DateField(_("at this step since"))
    note = models.TextField(_("note"), blank=True, max_length=4000)
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("legal status case")
        verbose_name_plural = _("legal status cases")
        ordering = ["step_since", "id"]
        indexes = [models.Index(fields=["area", "step", "step_since"], name="care_status_stuck")]

    def __str__(self) -> str:
        return f"{_('legal status case')} #{self.pk}"

    @property
    def is_final(self) -> bool:
        return self.step in FINAL_STEPS


class LegalStatusEvent(models.Model):
    """A step the case reached, on a day."""

    case = models.ForeignKey(LegalStatusCase, on_delete=models.CASCADE, related_name="events")
    step = models.CharField(_("step"), max_length=24, choices=StatusStep.choices)
    happened_on = models.DateField(_("on"))
    note = models.CharField(_("note"), max_length=300, blank=True)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")

    class Meta:
        verbose_name = _("step of a legal status case")
        verbose_name_plural = _("steps of legal status cases")
        ordering = ["happened_on", "id"]

    def __str__(self) -> str:
        return f"{self.case_id}: {self.step}"


class DocumentKind(models.TextChoices):
    BIRTH_CERTIFICATE = "birth_certificate", _("Birth certificate or notice")
    HOUSE_REGISTER = "house_register", _("House register")
    WITNESS_STATEMENT = "witness_statement", _("Witness statement")
    DNA_RESULT = "dna_result", _("DNA result")
    SCHOOL_RECORD = "school_record", _("School record")
    PHOTO = "photo", _("Photograph")
    OTHER = "other", _("Other document")


class LegalStatusDocument(models.Model):
    case = models.ForeignKey(LegalStatusCase, on_delete=models.CASCADE, related_name="documents")
    kind = models.CharField(_("kind of document"), max_length=20, choices=DocumentKind.choices)
    file = models.FileField(_("file"), upload_to="care/status/%Y/", blank=True)
    received_on = models.DateField(_("received on"), null=True, blank=True)
    note = models.CharField(_("note"), max_length=300, blank=True)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        verbose_name = _("document of a legal status case")
        verbose_name_plural = _("documents of legal status cases")
        ordering = ["kind", "id"]

    def __str__(self) -> str:
        return f"{self.case_id}: {self.kind}"
