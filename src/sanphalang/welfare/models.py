"""Community welfare funds: the settled registry, yearly figures, the sources it is reconciled from, and audit visits."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from sanphalang.areas.models import COUNTRY_CODE
from sanphalang.versions import Versioned

from .errors import WelfareError


class FundStatus(models.TextChoices):
    ACTIVE = "active", _("Active")
    PAUSED = "paused", _("Paused")
    DISSOLVED = "dissolved", _("Dissolved")
    UNKNOWN = "unknown", _("Unknown")


class Fund(Versioned):
    """One community welfare fund as the network has settled it: the current registry."""

    name_th = models.CharField(_("name (Thai)"), max_length=300)
    area = models.ForeignKey(
        "areas.Area", verbose_name=_("area"), on_delete=models.PROTECT, related_name="funds"
    )
    is_municipal = models.BooleanField(
        _("municipality fund"), default=False, help_text=_("Run in a municipality rather than a subdistrict")
    )
    fund_code = models.CharField(_("fund code"), max_length=40, blank=True, db_index=True)
    founded_on = models.DateField(_("founded on"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=FundStatus.choices, default=FundStatus.ACTIVE
    )
    registered_welfare_organisation = models.BooleanField(
        _("registered as a welfare organisation"), default=False
    )
    registered_on = models.DateField(_("registered on"), null=True, blank=True)
    organisation = models.OneToOneField(
        "directory.Organisation",
        verbose_name=_("directory entry"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="fund",
    )
    networks = models.ManyToManyField(
        "directory.Organisation",
        verbose_name=_("networks"),
        blank=True,
        related_name="member_funds",
        limit_choices_to={"kind": "network"},
    )
    contact_name = models.CharField(_("contact person"), max_length=200, blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=60, blank=True)
    members = models.PositiveIntegerField(_("members"), null=True, blank=True)
    # Where each value a reconcile gave the fund came from: {field: [source id, row]} (FIELD_TRUST decides).
    field_sources = models.JSONField(
        _("where the values came from"), default=dict, blank=True, editable=False
    )
    search_key = models.TextField(editable=False, default="")
    sort_key = models.CharField(max_length=256, editable=False, default="", db_index=True)
    # Networks are part of the registry's record: who added a fund to a network, and when, is kept too.
    history = HistoricalRecords(m2m_fields=[networks])

    class Meta:
        verbose_name = _("community welfare fund")
        verbose_name_plural = _("community welfare funds")
        ordering = ["sort_key", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["area", "name_th"],
                name="unique_fund_name_in_area",
                violation_error_code=WelfareError.FUND_NAME_TAKEN.code,
                violation_error_message=WelfareError.FUND_NAME_TAKEN.lazy_message,
            )
        ]

    def __str__(self) -> str:
        return self.name_th


# The figures of a year (FundYear's fields) in the groups the pages, the import and the roll-up show them in.
AGE_GROUP_FIELDS = ("members_children", "members_working_age", "members_elderly")
COUNT_FIELDS = ("members", *AGE_GROUP_FIELDS)
MATCHING_FIELDS = ("matching_government", "matching_local_government", "matching_other")
BENEFIT_FIELDS = (
    "benefits_birth",
    "benefits_sickness",
    "benefits_death",
    "benefits_elderly",
    "benefits_education",
    "benefits_disaster",
)
MONEY_FIELDS = ("savings", *MATCHING_FIELDS, *BENEFIT_FIELDS, "balance")
FIGURE_FIELDS = (*COUNT_FIELDS, *MONEY_FIELDS)


class FundYear(Versioned):
    """A fund's figures for one year (BE), as reported."""

    fund = models.ForeignKey(Fund, on_delete=models.CASCADE, related_name="years")
    year_be = models.PositiveIntegerField(_("year (BE)"))
    members = models.PositiveIntegerField(_("members"), null=True, blank=True)
    members_children = models.PositiveIntegerField(_("members aged under 18"), null=True, blank=True)
    members_working_age = models.PositiveIntegerField(_("members aged 18–59"), null=True, blank=True)
    members_elderly = models.PositiveIntegerField(_("members aged 60 and over"), null=True, blank=True)
    savings = models.DecimalField(
        _("members' savings and contributions"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    matching_government = models.DecimalField(
        _("matching from government (via CODI)"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    matching_local_government = models.DecimalField(
        _("matching from local government"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    matching_other = models.DecimalField(
        _("matching from other sources"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    benefits_birth = models.DecimalField(
        _("benefits paid: birth"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    benefits_sickness = models.DecimalField(
        _("benefits paid: sickness"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    benefits_death = models.DecimalField(
        _("benefits paid: death"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    benefits_elderly = models.DecimalField(
        _("benefits paid: elderly"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    benefits_education = models.DecimalField(
        _("benefits paid: education"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    benefits_disaster = models.DecimalField(
        _("benefits paid: disaster"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    balance = models.DecimalField(_("fund balance"), max_digits=14, decimal_places=2, null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("yearly figures")
        verbose_name_plural = _("yearly figures")
        ordering = ["-year_be"]
        constraints = [
            models.UniqueConstraint(
                fields=["fund", "year_be"],
                name="unique_fund_year",
                violation_error_code=WelfareError.YEAR_ALREADY_RECORDED.code,
                violation_error_message=WelfareError.YEAR_ALREADY_RECORDED.lazy_message,
            )
        ]

    def __str__(self) -> str:
        return f"{self.fund} {self.year_be}"


class SourceKind(models.TextChoices):
    """What kind of list a source is, which decides how far each of its fields is trusted (FIELD_TRUST)."""

    PROGRAM = "program", _("Fund-management program")
    MATCHING = "matching", _("Approved-for-matching list")
    SURVEY = "survey", _("Network survey")
    OTHER = "other", _("Other")


# Which kind of source a new fund takes each field from, the most trusted first: the program holds the registered
# facts (code, founding, registration), the survey was asked about the fund's status and members last, and the
# matching list checked the members it pays for. A field no trusted source has comes from the next kind that has it.
# These are the fields a source row holds (linkage.records.RECORD_FIELDS); the fund keeps where each came from.
FIELD_TRUST = {
    "fund_name": (SourceKind.PROGRAM, SourceKind.MATCHING, SourceKind.SURVEY, SourceKind.OTHER),
    "status": (SourceKind.SURVEY, SourceKind.PROGRAM, SourceKind.MATCHING, SourceKind.OTHER),
    "members": (SourceKind.SURVEY, SourceKind.MATCHING, SourceKind.PROGRAM, SourceKind.OTHER),
    "founded": (SourceKind.PROGRAM, SourceKind.MATCHING, SourceKind.SURVEY, SourceKind.OTHER),
    "fund_code": (SourceKind.PROGRAM, SourceKind.MATCHING, SourceKind.SURVEY, SourceKind.OTHER),
}


class Source(models.Model):
    """A list of funds from somewhere: the fund-management program, the matching list, a network survey.

    It covers one area: a province, the whole country (area "TH") or a region (area empty, region set). Its rows
    are the records of the provinces it covers; each province reconciles its own rows of every source covering it.
    """

    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=12, choices=SourceKind.choices, default=SourceKind.OTHER)
    area = models.ForeignKey(
        "areas.Area",
        verbose_name=_("covers"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="fund_sources",
        help_text=_("A province, or Thailand for a national source"),
    )
    region = models.ForeignKey(
        "areas.Region",
        verbose_name=_("region covered"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="fund_sources",
    )
    description = models.TextField(_("description"), blank=True)
    column_mapping = models.JSONField(
        _("column mapping"),
        default=dict,
        blank=True,
        help_text=_("Our field names mapped to the file's column headings"),
    )
    imported_at = models.DateTimeField(null=True, blank=True)
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        verbose_name = _("fund source")
        verbose_name_plural = _("fund sources")
        constraints = [
            models.UniqueConstraint(
                fields=["area", "name"],
                name="unique_source_name",
                violation_error_code=WelfareError.SOURCE_NAME_TAKEN.code,
                violation_error_message=WelfareError.SOURCE_NAME_TAKEN.lazy_message,
            ),
            models.UniqueConstraint(
                fields=["region", "name"],
                name="unique_source_name_in_region",
                violation_error_code=WelfareError.SOURCE_NAME_TAKEN.code,
                violation_error_message=WelfareError.SOURCE_NAME_TAKEN.lazy_message,
            ),
            models.CheckConstraint(
                condition=models.Q(area__isnull=False, region__isnull=True)
                | models.Q(area__isnull=True, region__isnull=False),
                name="source_covers_one_area",
                violation_error_code=WelfareError.SOURCE_AREA_MISSING.code,
                violation_error_message=WelfareError.SOURCE_AREA_MISSING.lazy_message,
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def is_national(self) -> bool:
        return self.area_id == COUNTRY_CODE

    @property
    def is_province(self) -> bool:
        return self.area_id is not None and self.area_id != COUNTRY_CODE


class SourceRecord(models.Model):
    """One row of a source as it came, with the fund it was linked to (None until reconciled or if unmatched)."""

    source = models.ForeignKey(Source, on_delete=models.CASCADE, related_name="records")
    # The row's line in the file as the file numbers it (the heading is line 1).
    row = models.PositiveIntegerField(_("row"))
    # The province the row's fund is in: the source's own, or for a national or regional source the row's.
    province = models.ForeignKey(
        "areas.Area", on_delete=models.PROTECT, null=True, blank=True, related_name="+", db_index=True
    )
    data = models.JSONField(_("values"), default=dict)
    fund_name = models.CharField(max_length=300)
    area = models.ForeignKey("areas.Area", on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    fund = models.ForeignKey(
        Fund, on_delete=models.SET_NULL, null=True, blank=True, related_name="source_records"
    )
    link_score = models.FloatField(null=True, blank=True)
    link_reasons = models.JSONField(default=list, blank=True)
    needs_review = models.BooleanField(default=False, db_index=True)
    duplicate_of = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="duplicates"
    )

    class Meta:
        verbose_name = _("source record")
        verbose_name_plural = _("source records")
        ordering = ["source", "row"]
        constraints = [
            models.UniqueConstraint(
                fields=["source", "row"],
                name="unique_source_row",
                violation_error_code=WelfareError.SOURCE_ROW_TAKEN.code,
                violation_error_message=WelfareError.SOURCE_ROW_TAKEN.lazy_message,
            )
        ]

    def __str__(self) -> str:
        return f"{self.source} #{self.row}: {self.fund_name}"


# The fields of a source record the sources can disagree on, each with the Fund field a settlement writes.
SETTLE_FIELDS = {
    "fund_name": "name_th",
    "members": "members",
    "status": "status",
    "founded": "founded_on",
    "fund_code": "fund_code",
}


class Settlement(models.Model):
    """An officer's decision on one field of a fund where the sources disagreed: which value, from where, why."""

    fund = models.ForeignKey(Fund, on_delete=models.CASCADE, related_name="settlements")
    field = models.CharField(_("field"), max_length=40)
    value = models.CharField(_("value"), max_length=300, blank=True)
    from_record = models.ForeignKey(
        SourceRecord,
        verbose_name=_("from source record"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="settlements",
    )
    # Kept as written when deciding: a source imported again replaces its records, and the history must still say
    # which source and row the value came from.
    source_name = models.CharField(_("from source"), max_length=200, blank=True)
    source_row = models.PositiveIntegerField(_("from row"), null=True, blank=True)
    reason = models.TextField(_("reason"))
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    decided_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("settlement")
        verbose_name_plural = _("settlements")
        ordering = ["-decided_at"]

    def __str__(self) -> str:
        return f"{self.fund} {self.field} = {self.value}"


class DisagreementKind(models.TextChoices):
    DISAGREEMENT = "disagreement", _("sources disagree")
    CONFLICT = "conflict", _("a later import contradicts the settled value")


class FundDisagreement(models.Model):
    """A field of a fund waiting for an officer (the coordinator's worklist): the sources disagree on it, or a source
    imported after it was settled says otherwise. Kept by services.worklist; settled_at is set when it no longer
    waits, and cleared if it opens again."""

    fund = models.ForeignKey(Fund, on_delete=models.CASCADE, related_name="disagreement_rows")
    field = models.CharField(_("field"), max_length=40)
    kind = models.CharField(_("kind"), max_length=12, choices=DisagreementKind.choices)
    # Each source's value as [{"source": id, "record": id or None, "row": n or None, "value": text or None}], the
    # value as the registry compares it (a status as its code, a date in ISO form); None where the source lacks it.
    values = models.JSONField(_("values"), default=list)
    sources = models.ManyToManyField(Source, verbose_name=_("sources"), related_name="+", blank=True)
    opened_at = models.DateTimeField(_("opened"), default=timezone.now)
    settled_at = models.DateTimeField(_("settled"), null=True, blank=True, db_index=True)

    class Meta:
        verbose_name = _("open disagreement")
        verbose_name_plural = _("open disagreements")
        ordering = ["fund__sort_key", "fund_id", "field"]
        constraints = [
            models.UniqueConstraint(fields=["fund", "field"], name="unique_disagreement_per_field")
        ]
        indexes = [models.Index(fields=["settled_at", "field"], name="disagreement_open_field")]

    def __str__(self) -> str:
        return f"{self.fund} {self.field} ({self.kind})"


class FundWorklistDigest(models.Model):
    """A digest of what a fund's worklist rows were last compared with: its records, the sources covering it and
    its settlements (services.worklist). A refresh that finds the same leaves the fund's rows as they are without
    reading them again; a refresh of the whole country after an import that changed a few funds compares those."""

    fund = models.OneToOneField(Fund, on_delete=models.CASCADE, primary_key=True, related_name="+")
    digest = models.CharField(max_length=32)

    def __str__(self) -> str:
        return f"{self.fund_id}: {self.digest}"


class LinkDecisionKind(models.TextChoices):
    LINKED = "linked", _("linked by reconciling")
    MERGED = "merged", _("merged into this fund")
    SPLIT = "split", _("split into a fund of its own")
    CONFIRMED = "confirmed", _("link confirmed")


class LinkDecision(models.Model):
    """Who put a source record in a fund, when and how: a reconcile run that linked it, or an officer who confirmed,
    merged or split it in the review queue."""

    fund = models.ForeignKey(Fund, on_delete=models.CASCADE, related_name="link_decisions")
    record = models.ForeignKey(
        SourceRecord,
        verbose_name=_("source record"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="link_decisions",
    )
    # Kept as written when deciding, as a settlement keeps them: importing a source again replaces its records.
    source_name = models.CharField(_("source"), max_length=200, blank=True)
    source_row = models.PositiveIntegerField(_("row"), null=True, blank=True)
    fund_name = models.CharField(_("name in the source"), max_length=300, blank=True)
    from_fund = models.ForeignKey(
        Fund,
        verbose_name=_("taken from fund"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    kind = models.CharField(_("decision"), max_length=12, choices=LinkDecisionKind.choices)
    note = models.TextField(_("note"), blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    decided_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("link decision")
        verbose_name_plural = _("link decisions")
        ordering = ["-decided_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.fund} {self.get_kind_display()} {self.source_name} #{self.source_row}"


class AuditRound(Versioned):
    """A round of follow-up visits to funds over a period (S11: 20 May – 15 Jun 2562)."""

    name = models.CharField(_("name"), max_length=200)
    province = models.ForeignKey(
        "areas.Area", verbose_name=_("province"), on_delete=models.PROTECT, related_name="audit_rounds"
    )
    starts_on = models.DateField(_("from"))
    ends_on = models.DateField(_("until"))
    checklist = models.JSONField(
        _("checklist"), default=list, blank=True, help_text=_("The questions each visit answers")
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("audit round")
        verbose_name_plural = _("audit rounds")
        ordering = ["-starts_on"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__gte=models.F("starts_on")),
                name="audit_round_ends_after_start",
                violation_error_code=WelfareError.ROUND_ENDS_BEFORE_START.code,
                violation_error_message=WelfareError.ROUND_ENDS_BEFORE_START.lazy_message,
            )
        ]

    def __str__(self) -> str:
        return self.name


class AuditVisit(Versioned):
    round = models.ForeignKey(AuditRound, on_delete=models.CASCADE, related_name="visits")
    fund = models.ForeignKey(Fund, on_delete=models.PROTECT, related_name="audit_visits")
    planned_on = models.DateField(_("planned on"), null=True, blank=True)
    visited_on = models.DateField(_("visited on"), null=True, blank=True)
    team = models.ManyToManyField("directory.Person", verbose_name=_("team"), blank=True, related_name="+")
    answers = models.JSONField(_("checklist answers"), default=dict, blank=True)
    history = HistoricalRecords(m2m_fields=[team])

    class Meta:
        verbose_name = _("audit visit")
        verbose_name_plural = _("audit visits")
        constraints = [
            models.UniqueConstraint(
                fields=["round", "fund"],
                name="unique_visit_per_round",
                violation_error_code=WelfareError.FUND_ALREADY_IN_ROUND.code,
                violation_error_message=WelfareError.FUND_ALREADY_IN_ROUND.lazy_message,
            )
        ]

    def __str__(self) -> str:
        return f"{self.round}: {self.fund}"


class Finding(Versioned):
    visit = models.ForeignKey(AuditVisit, on_delete=models.CASCADE, related_name="findings")
    text = models.TextField(_("finding"))
    follow_up = models.TextField(_("follow-up"), blank=True)
    due_on = models.DateField(_("follow up by"), null=True, blank=True)
    closed_on = models.DateField(_("closed on"), null=True, blank=True)
    # A finding that changes what the registry says proposes it here; only the settle step writes the registry.
    proposed_field = models.CharField(_("registry field to correct"), max_length=40, blank=True)
    proposed_value = models.CharField(_("proposed value"), max_length=300, blank=True)
    settlement = models.ForeignKey(
        Settlement,
        verbose_name=_("settled by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="findings",
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("finding")
        verbose_name_plural = _("findings")

    def __str__(self) -> str:
        return self.text[:80]
