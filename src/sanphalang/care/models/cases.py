"""Cases: a household's needs assessed, the help given, referrals to agencies and their answers, follow-ups on a
schedule, and a case plan and closure that a second person approves."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from sanphalang.versions import Versioned

from ..errors import CareError

TEXT_MAX_LENGTH = 4000


class CaseKind(models.TextChoices):
    ELDERLY_ALONE = "elderly_alone", _("Elderly living alone")
    BEDRIDDEN = "bedridden", _("Bedridden")
    DISABILITY = "disability", _("Disability")
    POVERTY = "poverty", _("Poverty")
    STATELESS = "stateless", _("Stateless")
    DISASTER = "disaster", _("Disaster-hit")
    HOUSING = "housing", _("Housing")
    HEALTH = "health", _("Illness")
    OTHER = "other", _("Other hardship")


class CaseStatus(models.TextChoices):
    OPEN = "open", _("Open")
    CLOSING = "closing", _("Closure awaiting approval")
    CLOSED = "closed", _("Closed")


class CasePlanStatus(models.TextChoices):
    NONE = "none", _("No plan yet")
    SUBMITTED = "submitted", _("Plan awaiting approval")
    APPROVED = "approved", _("Plan approved")
    RETURNED = "returned", _("Plan returned for changes")


class CaseOutcome(models.TextChoices):
    RESOLVED = "resolved", _("Needs met")
    REFERRED_ON = "referred_on", _("Taken over by an agency")
    MOVED_AWAY = "moved_away", _("Moved away")
    DIED = "died", _("Died")
    DECLINED = "declined", _("Declined further help")
    NOT_NEEDED = "not_needed", _("Help no longer needed")
    COULD_NOT_CONTACT = "could_not_contact", _("Could not be contacted")


class Case(Versioned):
    """Help for a household (and, where it is about one person, that member), from opening to an approved close."""

    household = models.ForeignKey(
        "care.Household", verbose_name=_("household"), on_delete=models.CASCADE, related_name="cases"
    )
    member = models.ForeignKey(
        "care.Member",
        verbose_name=_("person"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="cases",
    )
    # The household's area, copied: the caseload is read by area without a join.
    area = models.ForeignKey("areas.Area", on_delete=models.PROTECT, related_name="+", editable=False)
    kind = models.CharField(_("kind of hardship"), max_length=16, choices=CaseKind.choices)
    summary = models.TextField(_("what the household needs"), max_length=TEXT_MAX_LENGTH)
    status = models.CharField(_("status"), max_length=10, choices=CaseStatus.choices, default=CaseStatus.OPEN)
    opened_on = models.DateField(_("opened on"))
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    # The coordinator who carries the case: their caseload.
    worker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("case worker"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="care_cases",
    )
    incident = models.ForeignKey(
        "care.Incident",
        verbose_name=_("disaster incident"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="cases",
    )
    plan = models.TextField(_("case plan"), blank=True, max_length=TEXT_MAX_LENGTH)
    plan_status = models.CharField(
        _("case plan"), max_length=10, choices=CasePlanStatus.choices, default=CasePlanStatus.NONE
    )
    plan_submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    plan_decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    plan_decided_at = models.DateTimeField(null=True, blank=True)
    plan_return_reason = models.CharField(_("why the plan was returned"), max_length=300, blank=True)
    # The earliest follow-up not yet done (kept by the follow-up services): the caseload's order.
    next_follow_up_on = models.DateField(_("next follow-up"), null=True, blank=True)
    outcome = models.CharField(_("outcome"), max_length=20, choices=CaseOutcome.choices, blank=True)
    outcome_note = models.TextField(_("about the outcome"), blank=True, max_length=TEXT_MAX_LENGTH)
    closure_requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    closure_requested_at = models.DateTimeField(null=True, blank=True)
    closure_approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    closed_on = models.DateField(_("closed on"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("case")
        verbose_name_plural = _("cases")
        ordering = ["-opened_on", "-id"]
        indexes = [
            models.Index(fields=["area", "status", "next_follow_up_on"], name="care_case_caseload"),
            models.Index(fields=["worker", "status", "next_follow_up_on"], name="care_case_worker"),
            models.Index(fields=["status", "closed_on"], name="care_case_closed"),
            # The dashboards' cases opened and open, read from the index alone (the pattern class: see Household)
            models.Index(
                fields=["area", "opened_on", "closed_on"],
                name="care_case_figures",
                opclasses=["varchar_pattern_ops", "date_ops", "date_ops"],
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(closure_approved_by__isnull=True)
                | ~models.Q(closure_approved_by=models.F("closure_requested_by")),
                name="care_case_closure_by_second_person",
                violation_error_code=CareError.SECOND_PERSON_REQUIRED.code,
                violation_error_message=CareError.SECOND_PERSON_REQUIRED.lazy_message,
            ),
            models.CheckConstraint(
                condition=~models.Q(plan_status="approved")
                | ~models.Q(plan_decided_by=models.F("plan_submitted_by")),
                name="care_case_plan_by_second_person",
                violation_error_code=CareError.SECOND_PERSON_REQUIRED.code,
                violation_error_message=CareError.SECOND_PERSON_REQUIRED.lazy_message,
            ),
        ]

    def __str__(self) -> str:
        return f"{_('case')} #{self.pk}"

    @property
    def is_closed(self) -> bool:
        return self.status == CaseStatus.CLOSED


class Assessment(models.Model):
    """A needs assessment on the template of the case's kind (care/assessments.py): the answers as given."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="assessments")
    template = models.CharField(_("assessment form"), max_length=32)
    answers = models.JSONField(_("answers"), default=dict)
    needs = models.TextField(_("needs found"), blank=True, max_length=TEXT_MAX_LENGTH)
    assessed_on = models.DateField(_("assessed on"))
    assessed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("needs assessment")
        verbose_name_plural = _("needs assessments")
        ordering = ["-assessed_on", "-id"]

    def __str__(self) -> str:
        return f"{_('needs assessment')} #{self.pk}"


class HelpKind(models.TextChoices):
    IN_KIND = "in_kind", _("In kind (food, goods)")
    MONEY = "money", _("Money")
    REPAIR = "repair", _("House repair")
    REFERRAL = "referral", _("Referral to an agency")
    ADVICE = "advice", _("Advice or accompaniment")
    OTHER = "other", _("Other help")


class Help(models.Model):
    """Help given on a case: what, how much, by whom and when. A payment from the social fund is linked to its
    ledger entry."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="help_given")
    kind = models.CharField(_("kind of help"), max_length=12, choices=HelpKind.choices)
    description = models.TextField(_("what was given"), max_length=TEXT_MAX_LENGTH)
    amount = models.DecimalField(_("value (baht)"), max_digits=14, decimal_places=2, null=True, blank=True)
    given_on = models.DateField(_("given on"))
    given_by_organisation = models.ForeignKey(
        "directory.Organisation",
        verbose_name=_("given by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    given_by_name = models.CharField(_("given by (name)"), max_length=200, blank=True)
    incident = models.ForeignKey(
        "care.Incident", on_delete=models.SET_NULL, null=True, blank=True, related_name="help_given"
    )
    fund_entry = models.OneToOneField(
        "care.LedgerEntry", on_delete=models.PROTECT, null=True, blank=True, related_name="help"
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("help given")
        verbose_name_plural = _("help given")
        ordering = ["-given_on", "-id"]
        indexes = [models.Index(fields=["case", "given_on", "amount"], name="care_help_figures")]

    def __str__(self) -> str:
        return f"{_('help given')} #{self.pk}"


class ReferralStatus(models.TextChoices):
    IN_PROGRESS = "in_progress", _("Sent, awaiting the agency")
    ACCEPTED = "accepted", _("Accepted by the agency")
    REJECTED = "rejected", _("Declined by the agency")
    REVOKED = "revoked", _("Withdrawn")
    DONE = "done", _("Done")


class ServiceOutcome(models.TextChoices):
    GIVEN = "given", _("Service given")
    CLIENT_REFUSED = "client_refused", _("The person refused it")
    NO_CAPACITY = "no_capacity", _("The agency had no capacity")
    NOT_NEEDED = "not_needed", _("No longer needed")
    COULD_NOT_CONTACT = "could_not_contact", _("Could not contact the person")


class Referral(Versioned):
    """A case sent to an agency, the agency's answer and, once done, whether the service was given or why not.
    The agency's users read the referred case only when the household consented to sharing (care/access.py)."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="referrals")
    agency = models.ForeignKey(
        "directory.Organisation", verbose_name=_("agency"), on_delete=models.PROTECT, related_name="referrals"
    )
    reason = models.TextField(_("what is asked of the agency"), max_length=TEXT_MAX_LENGTH)
    sent_on = models.DateField(_("sent on"))
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    status = models.CharField(
        _("status"), max_length=12, choices=ReferralStatus.choices, default=ReferralStatus.IN_PROGRESS
    )
    answered_on = models.DateField(_("answered on"), null=True, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    answer = models.TextField(_("the agency's answer"), blank=True, max_length=TEXT_MAX_LENGTH)
    outcome = models.CharField(_("outcome"), max_length=20, choices=ServiceOutcome.choices, blank=True)
    done_on = models.DateField(_("done on"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("referral")
        verbose_name_plural = _("referrals")
        ordering = ["-sent_on", "-id"]
        indexes = [
            models.Index(fields=["agency", "status"], name="care_referral_agency"),
            models.Index(fields=["case", "sent_on"], name="care_referral_figures"),
        ]

    def __str__(self) -> str:
        return f"{_('referral')} #{self.pk}"


class FollowUp(models.Model):
    """A follow-up due on a day; done when its visit or call is recorded."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="follow_ups")
    due_on = models.DateField(_("due on"))
    done_on = models.DateField(_("done on"), null=True, blank=True)
    note = models.TextField(_("what was found"), blank=True, max_length=TEXT_MAX_LENGTH)
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # A follow-up that repeats: when it is done, the next is scheduled this many days after that visit.
    repeat_days = models.PositiveSmallIntegerField(_("repeat every (days)"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("follow-up")
        verbose_name_plural = _("follow-ups")
        ordering = ["due_on", "id"]

    def __str__(self) -> str:
        return f"{_('follow-up')} #{self.pk}"
