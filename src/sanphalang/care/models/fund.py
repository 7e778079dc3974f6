"""The provincial social development fund (S5): money in (donations, grants), requests for help, approval by two
committee members who did not ask, payments out to a case, and a ledger that is only ever added to.

The ledger balances by construction: the fund's balance moves only in the same transaction as the entry that
moves it (a conditional UPDATE that refuses to go below zero), each entry keeps the balance after it and its
number in the fund's sequence, and a mistake is put right by a reversing entry, never by an edit."""

from decimal import Decimal

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from sanphalang.versions import Versioned

from ..errors import CareError

MONEY = {"max_digits": 14, "decimal_places": 2}


class SocialFund(Versioned):
    """A province's social development fund, run by an organisation (the civil-society association)."""

    area = models.ForeignKey(
        "areas.Area", verbose_name=_("province"), on_delete=models.PROTECT, related_name="social_funds"
    )
    name = models.CharField(_("name of the fund"), max_length=200)
    organisation = models.ForeignKey(
        "directory.Organisation",
        verbose_name=_("run by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="social_funds",
    )
    # Written only by the ledger services, with the entry that moves it.
    balance = models.DecimalField(_("balance (baht)"), default=Decimal("0.00"), editable=False, **MONEY)
    entry_count = models.PositiveIntegerField(default=0, editable=False)
    committee = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name=_("committee"), blank=True, related_name="social_funds"
    )
    # How many committee members, none of them the one who asked, must approve a request before it is paid.
    approvals_required = models.PositiveSmallIntegerField(_("approvals needed for a payment"), default=2)
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords(excluded_fields=["balance", "entry_count"])

    class Meta:
        verbose_name = _("social development fund")
        verbose_name_plural = _("social development funds")
        ordering = ["area_id", "name"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(balance__gte=0),
                name="care_fund_never_overdrawn",
            ),
            models.CheckConstraint(
                condition=models.Q(approvals_required__gte=2),
                name="care_fund_two_approvals_at_least",
            ),
            models.UniqueConstraint(fields=["area", "name"], name="care_unique_fund_name"),
        ]

    def __str__(self) -> str:
        return self.name


class EntryKind(models.TextChoices):
    DONATION = "donation", _("Donation")
    GRANT = "grant", _("Grant")
    PAYMENT = "payment", _("Payment to a case")
    REVERSAL = "reversal", _("Reversal of an entry")


class LedgerEntry(models.Model):
    """One movement of money: positive in, negative out. Never changed, never deleted."""

    fund = models.ForeignKey(SocialFund, on_delete=models.PROTECT, related_name="entries")
    number = models.PositiveIntegerField(_("entry no."))
    kind = models.CharField(_("kind"), max_length=10, choices=EntryKind.choices)
    amount = models.DecimalField(_("amount (baht)"), **MONEY)
    balance_after = models.DecimalField(_("balance after (baht)"), **MONEY)
    entered_on = models.DateField(_("date"))
    donor_name = models.CharField(_("donor"), max_length=200, blank=True)
    donor_organisation = models.ForeignKey(
        "directory.Organisation",
        verbose_name=_("donor organisation"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    request = models.OneToOneField(
        "care.FundRequest", on_delete=models.PROTECT, null=True, blank=True, related_name="payment"
    )
    reverses = models.OneToOneField(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="reversed_by"
    )
    note = models.CharField(_("note"), max_length=300, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("ledger entry")
        verbose_name_plural = _("ledger entries")
        ordering = ["fund_id", "number"]
        constraints = [
            models.UniqueConstraint(fields=["fund", "number"], name="care_ledger_sequence"),
            models.CheckConstraint(condition=~models.Q(amount=0), name="care_ledger_amount_not_zero"),
            models.CheckConstraint(
                condition=models.Q(balance_after__gte=0), name="care_ledger_never_below_zero"
            ),
            models.CheckConstraint(
                condition=models.Q(kind__in=["donation", "grant"], amount__gt=0)
                | models.Q(kind="payment", amount__lt=0)
                | models.Q(kind="reversal", reverses__isnull=False),
                name="care_ledger_sign_of_kind",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.fund_id}/{self.number}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise CareError.LEDGER_IS_APPEND_ONLY.error(None)
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise CareError.LEDGER_IS_APPEND_ONLY.error(None)


class RequestStatus(models.TextChoices):
    PENDING = "pending", _("Awaiting the committee")
    APPROVED = "approved", _("Approved, not yet paid")
    REJECTED = "rejected", _("Refused")
    PAID = "paid", _("Paid")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class FundRequest(Versioned):
    """A request for help from the fund, for a case (or a disaster incident), decided by the committee."""

    fund = models.ForeignKey(
        SocialFund, verbose_name=_("fund"), on_delete=models.PROTECT, related_name="requests"
    )
    case = models.ForeignKey(
        "care.Case",
        verbose_name=_("case"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="fund_requests",
    )
    incident = models.ForeignKey(
        "care.Incident",
        verbose_name=_("disaster incident"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="fund_requests",
    )
    amount = models.DecimalField(_("amount (baht)"), **MONEY)
    purpose = models.TextField(_("what the money is for"), max_length=2000)
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    requested_on = models.DateField(_("requested on"))
    status = models.CharField(
        _("status"), max_length=10, choices=RequestStatus.choices, default=RequestStatus.PENDING
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("request to the fund")
        verbose_name_plural = _("requests to the fund")
        ordering = ["-requested_on", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(amount__gt=0),
                name="care_request_amount_positive",
                violation_error_code=CareError.AMOUNT_NOT_POSITIVE.code,
                violation_error_message=CareError.AMOUNT_NOT_POSITIVE.lazy_message,
            ),
        ]

    def __str__(self) -> str:
        return f"{_('request to the fund')} #{self.pk}"


class FundDecision(models.Model):
    """One committee member's approval or refusal of a request."""

    request = models.ForeignKey(FundRequest, on_delete=models.CASCADE, related_name="decisions")
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    approves = models.BooleanField(_("approves"))
    note = models.CharField(_("note"), max_length=300, blank=True)
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("committee decision")
        verbose_name_plural = _("committee decisions")
        ordering = ["at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["request", "by"],
                name="care_one_decision_per_member",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.request_id}/{self.by_id}"
