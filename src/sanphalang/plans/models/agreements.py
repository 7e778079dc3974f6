"""Agreements (MOUs): who the parties are, who signed for each and in what position, what each committed to,
where it was signed, and its documents."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from sanphalang.versions import Versioned

from ..errors import PlanError


class AgreementKind(models.TextChoices):
    COOPERATION = "cooperation", _("Memorandum of cooperation")
    UNDERSTANDING = "understanding", _("Memorandum of understanding")
    OTHER = "other", _("Other agreement")


class Agreement(Versioned):
    """An agreement signed by a province's networks, agencies and partners, often under a plan."""

    title = models.CharField(_("name of the agreement"), max_length=300)
    kind = models.CharField(
        _("kind"), max_length=16, choices=AgreementKind.choices, default=AgreementKind.COOPERATION
    )
    area = models.ForeignKey(
        "areas.Area", verbose_name=_("area"), on_delete=models.PROTECT, related_name="agreements"
    )
    plan = models.ForeignKey(
        "plans.Plan",
        verbose_name=_("plan"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="agreements",
    )
    signed_on = models.DateField(_("signed on"), null=True, blank=True)
    venue = models.CharField(_("venue"), max_length=300, blank=True)
    meeting = models.ForeignKey(
        "meetings.Meeting",
        verbose_name=_("meeting or forum"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="agreements",
        help_text=_("The meeting or forum where it was signed"),
    )
    purpose = models.TextField(_("purpose"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("agreement")
        verbose_name_plural = _("agreements")
        ordering = ["-signed_on", "title", "pk"]

    def __str__(self) -> str:
        return self.title


class AgreementParty(Versioned):
    """An organisation that is party to an agreement, and what it committed to."""

    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="parties")
    organisation = models.ForeignKey(
        "directory.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="agreement_parties",
    )
    commitment = models.TextField(
        _("commitment"), blank=True, help_text=_("What this party undertakes to do")
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("party")
        verbose_name_plural = _("parties")
        ordering = ["agreement", "order", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["agreement", "organisation"],
                name="unique_agreement_party",
                violation_error_code=PlanError.PARTY_ALREADY_IN_AGREEMENT.code,
                violation_error_message=PlanError.PARTY_ALREADY_IN_AGREEMENT.lazy_message,
            )
        ]

    def __str__(self) -> str:
        return str(self.organisation)


class Signatory(Versioned):
    """A person who signed for a party, in the position they signed in (signing is a public act: the name shows)."""

    party = models.ForeignKey(AgreementParty, on_delete=models.CASCADE, related_name="signatories")
    person = models.ForeignKey(
        "directory.Person", verbose_name=_("person"), on_delete=models.PROTECT, related_name="signatures"
    )
    position = models.CharField(_("position"), max_length=200, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("signatory")
        verbose_name_plural = _("signatories")
        ordering = ["party", "pk"]

    def __str__(self) -> str:
        return self.position or str(self.pk)


class AgreementDocument(models.Model):
    """A file kept with an agreement (the signed text, a photo of the signing)."""

    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="documents")
    title = models.CharField(_("name of the document"), max_length=200)
    file = models.FileField(_("file"), upload_to="agreements/%Y/%m/")
    uploaded_at = models.DateTimeField(auto_now_add=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        ordering = ["agreement", "pk"]

    def __str__(self) -> str:
        return self.title
