"""Organisations, networks and people of the movement and its partners, their issues and positions over time."""

import datetime as dt

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from sanphalang.thai.dates import format_be_date
from sanphalang.thai.preferences import in_page_language
from sanphalang.versions import Versioned

from .errors import DirectoryError

# The long texts keep to a length like the short ones, the same for a page, the API and an import.
OTHER_NAMES_MAX_LENGTH = 2000
ADDRESS_MAX_LENGTH = 1000
NOTE_MAX_LENGTH = 5000
# A consent is given by someone alive in the registry's time: from 1 January 2500 BE to tomorrow (a record typed
# just after midnight in another time zone).
EARLIEST_CONSENT_ON = dt.date(1957, 1, 1)


class OrganisationKind(models.TextChoices):
    COMMUNITY_ORGANISATION = "community_organisation", _("Community organisation")
    NETWORK = "network", _("Network")
    COUNCIL = "council", _("Council")
    COORDINATION_CENTRE = "coordination_centre", _("Coordination centre")
    WELFARE_FUND = "welfare_fund", _("Community welfare fund")
    ASSOCIATION = "association", _("Association or foundation")
    AGENCY = "agency", _("Government agency")
    LOCAL_GOVERNMENT = "local_government", _("Local government")
    UNIVERSITY = "university", _("University or academic institution")
    BUSINESS = "business", _("Business")
    OTHER = "other", _("Other")


class IssueArea(Versioned):
    """A field of work (housing, welfare, disasters…). National ones apply everywhere; a province may add its own."""

    slug = models.SlugField(_("short name"), max_length=60)
    name_th = models.CharField(_("name (Thai)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200, blank=True)
    description = models.TextField(_("description"), blank=True)
    province = models.ForeignKey(
        "areas.Area",
        verbose_name=_("province"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="issue_areas",
        help_text=_("Empty for the national list"),
    )
    is_active = models.BooleanField(_("in use"), default=True)
    sort_key = models.CharField(max_length=256, editable=False, default="")
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("issue area")
        verbose_name_plural = _("issue areas")
        ordering = ["sort_key", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["province", "slug"],
                name="unique_issue_slug_per_province",
                violation_error_code=DirectoryError.ISSUE_SLUG_TAKEN_IN_PROVINCE.code,
                violation_error_message=DirectoryError.ISSUE_SLUG_TAKEN_IN_PROVINCE.lazy_message,
            ),
            models.UniqueConstraint(
                fields=["slug"],
                condition=models.Q(province__isnull=True),
                name="unique_national_issue_slug",
                violation_error_code=DirectoryError.NATIONAL_ISSUE_SLUG_TAKEN.code,
                violation_error_message=DirectoryError.NATIONAL_ISSUE_SLUG_TAKEN.lazy_message,
            ),
        ]

    def __str__(self) -> str:
        return in_page_language(self.name_th, self.name_en)

    @property
    def area_code(self) -> str:
        return self.province_id or "TH"


class Organisation(Versioned):
    kind = models.CharField(_("kind"), max_length=32, choices=OrganisationKind.choices, db_index=True)
    name_th = models.CharField(_("name (Thai)"), max_length=300)
    name_en = models.CharField(_("name (English)"), max_length=300, blank=True)
    abbreviation = models.CharField(_("abbreviation"), max_length=60, blank=True)
    other_names = models.TextField(
        _("other names"),
        blank=True,
        max_length=OTHER_NAMES_MAX_LENGTH,
        help_text=_("Other names or abbreviations it goes by, one per line"),
    )
    area = models.ForeignKey(
        "areas.Area", verbose_name=_("area"), on_delete=models.PROTECT, related_name="organisations"
    )
    issue_areas = models.ManyToManyField(
        IssueArea, verbose_name=_("issue areas"), blank=True, related_name="organisations"
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent organisation"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="children",
    )
    partners = models.ManyToManyField("self", verbose_name=_("partners"), blank=True, symmetrical=True)
    founded_on = models.DateField(_("founded on"), null=True, blank=True)
    registration_number = models.CharField(_("registration number"), max_length=60, blank=True)
    address = models.TextField(_("address"), blank=True, max_length=ADDRESS_MAX_LENGTH)
    phone = models.CharField(_("phone"), max_length=60, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    website = models.URLField(_("website"), blank=True)
    note = models.TextField(_("note"), blank=True, max_length=NOTE_MAX_LENGTH)
    is_active = models.BooleanField(_("active"), default=True)
    search_key = models.TextField(editable=False, default="")
    sort_key = models.CharField(max_length=256, editable=False, default="", db_index=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords(m2m_fields=[issue_areas])

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["sort_key", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["area", "name_th"],
                name="unique_organisation_name_in_area",
                violation_error_code=DirectoryError.ORGANISATION_NAME_TAKEN.code,
                violation_error_message=DirectoryError.ORGANISATION_NAME_TAKEN.lazy_message,
            ),
        ]

    def __str__(self) -> str:
        return in_page_language(self.name_th, self.name_en)

    @property
    def area_code(self) -> str:
        return self.area_id

    @property
    def other_name_list(self) -> list[str]:
        return [line.strip() for line in (self.other_names or "").splitlines() if line.strip()]


class LegalBasis(models.TextChoices):
    """Lawful bases for processing personal data under the PDPA (sections 24 and 26)."""

    CONSENT = "consent", _("Consent of the person")
    CONTRACT = "contract", _("Contract")
    LEGAL_OBLIGATION = "legal_obligation", _("Legal obligation")
    VITAL_INTEREST = "vital_interest", _("Vital interest")
    PUBLIC_TASK = "public_task", _("Public task")
    LEGITIMATE_INTEREST = "legitimate_interest", _("Legitimate interest")
    PUBLIC_ROLE = "public_role", _("Public office holder (published information)")


class Person(Versioned):
    title = models.CharField(pgettext_lazy("honorific", "title"), max_length=60, blank=True)
    first_name = models.CharField(_("first name"), max_length=120)
    last_name = models.CharField(_("last name"), max_length=120, blank=True)
    name_en = models.CharField(_("name (English)"), max_length=200, blank=True)
    nickname = models.CharField(_("nickname"), max_length=60, blank=True)
    area = models.ForeignKey(
        "areas.Area", verbose_name=_("area"), on_delete=models.PROTECT, related_name="people"
    )
    national_id = models.CharField(_("national ID"), max_length=13, blank=True)
    phone = models.CharField(_("phone"), max_length=60, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    line_id = models.CharField(_("LINE ID"), max_length=60, blank=True)
    address = models.TextField(_("address"), blank=True, max_length=ADDRESS_MAX_LENGTH)
    issue_areas = models.ManyToManyField(
        IssueArea, verbose_name=_("issue areas"), blank=True, related_name="people"
    )
    note = models.TextField(_("note"), blank=True, max_length=NOTE_MAX_LENGTH)
    purpose = models.CharField(_("purpose of processing"), max_length=300, blank=True)
    legal_basis = models.CharField(
        _("legal basis"), max_length=32, choices=LegalBasis.choices, default=LegalBasis.CONSENT
    )
    consent_on = models.DateField(_("consent given on"), null=True, blank=True)
    search_key = models.TextField(editable=False, default="")
    sort_key = models.CharField(max_length=256, editable=False, default="", db_index=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords(m2m_fields=[issue_areas])

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ["sort_key", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["national_id"],
                condition=~models.Q(national_id=""),
                name="unique_national_id",
                violation_error_code=DirectoryError.NATIONAL_ID_TAKEN.code,
                violation_error_message=DirectoryError.NATIONAL_ID_TAKEN.lazy_message,
            ),
        ]

    def __str__(self) -> str:
        return self.full_name

    def clean(self) -> None:
        latest = timezone.localdate() + dt.timedelta(days=1)
        if self.consent_on and not EARLIEST_CONSENT_ON <= self.consent_on <= latest:
            raise DirectoryError.CONSENT_DATE_OUT_OF_RANGE.error(
                "consent_on", earliest=format_be_date(EARLIEST_CONSENT_ON), latest=format_be_date(latest)
            )

    @property
    def full_name(self) -> str:
        return " ".join(part for part in (self.first_name, self.last_name) if part)

    @property
    def name_with_title(self) -> str:
        return f"{self.title}{self.full_name}" if self.title else self.full_name

    @property
    def area_code(self) -> str:
        return self.area_id


class PositionRole(models.TextChoices):
    CHAIR = "chair", _("Chair")
    VICE_CHAIR = "vice_chair", _("Vice chair")
    SECRETARY = "secretary", _("Secretary")
    TREASURER = "treasurer", _("Treasurer")
    COORDINATOR = "coordinator", _("Coordinator")
    COMMITTEE_MEMBER = "committee_member", _("Committee member")
    MEMBER = "member", _("Member")
    HEAD = "head", _("Head of agency")
    DEPUTY_HEAD = "deputy_head", _("Deputy head")
    OFFICER = "officer", _("Officer")
    ADVISER = "adviser", _("Adviser")
    REPRESENTATIVE = "representative", _("Representative")
    OTHER = "other", _("Other")


class Position(Versioned):
    """A position a person holds in an organisation, from a date until a date (open while held)."""

    person = models.ForeignKey(
        Person, verbose_name=_("person"), on_delete=models.CASCADE, related_name="positions"
    )
    organisation = models.ForeignKey(
        Organisation, verbose_name=_("organisation"), on_delete=models.CASCADE, related_name="positions"
    )
    role = models.CharField(
        _("role"), max_length=32, choices=PositionRole.choices, default=PositionRole.MEMBER
    )
    title = models.CharField(
        pgettext_lazy("position title", "position title"),
        max_length=200,
        blank=True,
        help_text=_("As the organisation writes it, e.g. รองผู้ว่าราชการจังหวัดเชียงราย"),
    )
    started_on = models.DateField(_("from"), null=True, blank=True)
    ended_on = models.DateField(_("until"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("position")
        verbose_name_plural = _("positions")
        ordering = ["-started_on", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ended_on__isnull=True)
                | models.Q(started_on__isnull=True)
                | models.Q(ended_on__gte=models.F("started_on")),
                name="position_ends_after_it_starts",
                violation_error_code=DirectoryError.POSITION_ENDS_BEFORE_START.code,
                violation_error_message=DirectoryError.POSITION_ENDS_BEFORE_START.lazy_message,
            )
        ]

    def __str__(self) -> str:
        label = self.title or self.get_role_display()
        return f"{label} – {self.organisation}"

    @property
    def is_current(self) -> bool:
        from django.utils import timezone

        return self.ended_on is None or self.ended_on >= timezone.localdate()
