"""Households and their members: where they live, who they are, what makes them vulnerable, and on what basis
their data is kept (PDPA). A member's national ID is never stored in clear (care/protection.py)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from sanphalang.directory.models import LegalBasis
from sanphalang.versions import Versioned

from ..errors import CareError

ADDRESS_MAX_LENGTH = 500
NOTE_MAX_LENGTH = 4000


class IncomeBand(models.TextChoices):
    BELOW_POVERTY_LINE = "below_poverty_line", _("Below the poverty line")
    LOW = "low", _("Low income")
    MIDDLE = "middle", _("Middle income")
    UNKNOWN = "unknown", _("Not known")


class Relationship(models.TextChoices):
    HEAD = "head", _("Head of household")
    SPOUSE = "spouse", _("Spouse")
    CHILD = "child", _("Child")
    GRANDCHILD = "grandchild", _("Grandchild")
    PARENT = "parent", _("Parent")
    GRANDPARENT = "grandparent", _("Grandparent")
    SIBLING = "sibling", _("Brother or sister")
    RELATIVE = "relative", _("Other relative")
    OTHER = "other", _("Not related")


class Sex(models.TextChoices):
    FEMALE = "female", _("Female")
    MALE = "male", _("Male")
    OTHER = "other", _("Other")
    UNSPECIFIED = "unspecified", _("Not given")


class LegalStatus(models.TextChoices):
    THAI = "thai", _("Thai national")
    REGISTERED_NON_THAI = (
        "registered_non_thai",
        _("Registered, not Thai (ID card for persons without status)"),
    )
    STATELESS = "stateless", _("Stateless, not registered")
    PENDING = "pending", _("Status being sought")
    UNKNOWN = "unknown", _("Not known")


class NoNationalIdReason(models.TextChoices):
    STATELESS = "stateless", _("Stateless: has no national ID")
    NOT_YET_REGISTERED = "not_yet_registered", _("Not yet registered (e.g. a newborn)")
    NOT_KNOWN = "not_known", _("Has one, not known yet")


class Disability(models.TextChoices):
    NONE = "", _("None")
    PHYSICAL = "physical", _("Physical or movement")
    VISUAL = "visual", _("Seeing")
    HEARING = "hearing", _("Hearing or speech")
    INTELLECTUAL = "intellectual", _("Intellectual or learning")
    MENTAL = "mental", _("Mental or behavioural")
    AUTISM = "autism", _("Autism")
    MULTIPLE = "multiple", _("More than one")


class Household(Versioned):
    """A household the coordinators help: its home, its income, and why and on what basis its data is kept."""

    # The village, community or (where villages are not loaded) subdistrict the household lives in: its access.
    area = models.ForeignKey(
        "areas.Area",
        verbose_name=_("village or community"),
        on_delete=models.PROTECT,
        related_name="households",
    )
    house_number = models.CharField(_("house number"), max_length=40, blank=True)
    address = models.TextField(_("address"), blank=True, max_length=ADDRESS_MAX_LENGTH)
    phone = models.CharField(_("phone"), max_length=60, blank=True)
    income_band = models.CharField(
        _("income"), max_length=24, choices=IncomeBand.choices, default=IncomeBand.UNKNOWN
    )
    note = models.TextField(_("note"), blank=True, max_length=NOTE_MAX_LENGTH)
    # PDPA: why the data is collected and the basis it is processed on (sections 23, 24 and 26).
    purpose = models.CharField(_("purpose of processing"), max_length=300)
    legal_basis = models.CharField(
        _("legal basis"), max_length=32, choices=LegalBasis.choices, default=LegalBasis.CONSENT
    )
    consent_for_services = models.BooleanField(_("consents to receive help"), default=False)
    consent_for_sharing = models.BooleanField(
        _("consents to sharing with agencies it is referred to"), default=False
    )
    consent_on = models.DateField(_("consent given on"), null=True, blank=True)
    # Registering despite a possible duplicate: the reason is kept (and the override is in the access log).
    duplicate_override_reason = models.CharField(_("why this is not a duplicate"), max_length=300, blank=True)
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    registered_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # Set when the household's personal data was erased or anonymised; its counts stay.
    anonymised_at = models.DateTimeField(_("anonymised on"), null=True, blank=True)
    # The address and house number, compacted, for substring search (a trigram index on PostgreSQL).
    search_key = models.TextField(editable=False, default="", blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("household")
        verbose_name_plural = _("households")
        ordering = ["area_id", "id"]
        indexes = [
            models.Index(fields=["area", "id"], name="care_household_area"),
            # The dashboards' count of the households registered and not anonymised, read from the index alone;
            # the pattern class serves a prefix of the area code on PostgreSQL (ignored elsewhere).
            models.Index(
                fields=["area", "registered_at", "anonymised_at"],
                name="care_household_figures",
                opclasses=["varchar_pattern_ops", "timestamptz_ops", "timestamptz_ops"],
            ),
        ]

    def __str__(self) -> str:
        # Never personal: the repr goes into the access log and error reports.
        return f"{_('household')} #{self.pk}"


class Member(Versioned):
    """A person of a household, with what makes them vulnerable. Health and legal status are sensitive data
    (PDPA section 26): care/access.py decides who sees them."""

    household = models.ForeignKey(
        Household, verbose_name=_("household"), on_delete=models.CASCADE, related_name="members"
    )
    # The household's area, copied so that a search of members needs no join to be scoped.
    area = models.ForeignKey("areas.Area", on_delete=models.PROTECT, related_name="+", editable=False)
    title = models.CharField(pgettext_lazy("honorific", "title"), max_length=60, blank=True)
    first_name = models.CharField(_("first name"), max_length=120)
    last_name = models.CharField(_("last name"), max_length=120, blank=True)
    relationship = models.CharField(
        _("relationship"), max_length=16, choices=Relationship.choices, default=Relationship.HEAD
    )
    birth_year = models.PositiveSmallIntegerField(_("year of birth"), null=True, blank=True)  # CE
    sex = models.CharField(_("sex"), max_length=12, choices=Sex.choices, default=Sex.UNSPECIFIED)
    phone = models.CharField(_("phone"), max_length=60, blank=True)
    # National ID: the Fernet token, the keyed hash it is found by, and the last four digits for the masked form.
    national_id_token = models.TextField(editable=False, default="", blank=True)
    national_id_lookup = models.CharField(max_length=64, editable=False, default="", blank=True)
    national_id_last_four = models.CharField(max_length=4, editable=False, default="", blank=True)
    no_national_id_reason = models.CharField(
        _("why there is no national ID"), max_length=24, choices=NoNationalIdReason.choices, blank=True
    )
    legal_status = models.CharField(
        _("legal status"), max_length=24, choices=LegalStatus.choices, default=LegalStatus.THAI
    )
    disability = models.CharField(_("disability"), max_length=16, choices=Disability.choices, blank=True)
    chronic_illness = models.CharField(_("chronic illness"), max_length=200, blank=True)
    bedridden = models.BooleanField(_("bedridden"), default=False)
    elderly_alone = models.BooleanField(_("elderly, living alone"), default=False)
    search_key = models.TextField(editable=False, default="", blank=True)
    sort_key = models.CharField(max_length=256, editable=False, default="", blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("member of a household")
        verbose_name_plural = _("members of households")
        ordering = ["household_id", "id"]
        indexes = [
            models.Index(fields=["area", "sort_key"], name="care_member_area_sort"),
            models.Index(fields=["national_id_lookup"], name="care_member_id_lookup"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["national_id_lookup"],
                condition=~models.Q(national_id_lookup=""),
                name="care_unique_national_id",
                violation_error_code=CareError.NATIONAL_ID_TAKEN.code,
                violation_error_message=CareError.NATIONAL_ID_TAKEN.lazy_message,
            ),
        ]

    def __str__(self) -> str:
        return f"{_('member')} #{self.pk}"

    @property
    def full_name(self) -> str:
        return " ".join(part for part in (self.first_name, self.last_name) if part)

    @property
    def name_with_title(self) -> str:
        return f"{self.title}{self.full_name}" if self.title else self.full_name

    @property
    def has_national_id(self) -> bool:
        return bool(self.national_id_lookup)
