"""Administrative areas of Thailand keyed by their official codes, villages, and user-defined regions."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from sanphalang.thai.preferences import in_page_language
from sanphalang.versions import Versioned

COUNTRY_CODE = "TH"


class AreaLevel(models.TextChoices):
    COUNTRY = "country", _("Country")
    PROVINCE = "province", _("Province")
    DISTRICT = "district", _("District")
    SUBDISTRICT = "subdistrict", _("Subdistrict")
    VILLAGE = "village", _("Village")
    COMMUNITY = "community", _("Urban community")


class Area(models.Model):
    """One area. Its code's prefixes are its ancestors: province 57, district 5701, subdistrict 570101."""

    code = models.CharField(_("code"), max_length=10, primary_key=True)
    level = models.CharField(_("level"), max_length=12, choices=AreaLevel.choices, db_index=True)
    name_th = models.CharField(_("name (Thai)"), max_length=150)
    name_en = models.CharField(_("name (English)"), max_length=150, blank=True)
    parent = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="children"
    )
    moo = models.PositiveSmallIntegerField(_("village no. (moo)"), null=True, blank=True)
    postal_codes = models.CharField(_("postal codes"), max_length=60, blank=True)
    # The full path ("ตำบลเวียง อำเภอเมืองเชียงราย จังหวัดเชียงราย") is kept in the row, so that search results and
    # exports show where an area is without joining its ancestors.
    path_th = models.CharField(_("full name (Thai)"), max_length=400, blank=True, editable=False)
    path_en = models.CharField(_("full name (English)"), max_length=400, blank=True, editable=False)
    search_key = models.CharField(max_length=400, editable=False, db_index=True)
    sort_key = models.CharField(max_length=256, editable=False, db_index=True)
    is_official = models.BooleanField(default=True, help_text=_("Loaded from the official list of areas"))
    is_active = models.BooleanField(default=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("area")
        verbose_name_plural = _("areas")
        ordering = ["code"]
        indexes = [models.Index(fields=["level", "sort_key"])]

    def __str__(self) -> str:
        return self.display_name

    @property
    def display_name(self) -> str:
        return in_page_language(self.name_th, self.name_en)

    @property
    def display_path(self) -> str:
        return in_page_language(path_th_of(self), self.path_en)

    @property
    def ancestor_codes(self) -> list[str]:
        return ancestor_codes(self.code)


def path_th_of(area) -> str:
    """An area (or a row with its names and paths) named with those above it, in Thai; by its own name where it
    has no path stored."""
    return area.path_th or area.name_th


def path_en_of(area) -> str:
    return area.path_en or area.name_en


def ancestor_codes(code: str) -> list[str]:
    """The codes above an area, nearest last: "570101" → ["TH", "57", "5701"]."""
    if not code or code == COUNTRY_CODE:
        return []
    cuts = [2, 4, 6, 8]
    return [COUNTRY_CODE] + [code[:cut] for cut in cuts if cut < len(code)]


class Region(Versioned):
    """A group of provinces that a network works as one, e.g. Bangkok, vicinity and East."""

    slug = models.SlugField(_("short name"), max_length=60, unique=True)
    name_th = models.CharField(_("name (Thai)"), max_length=200, unique=True)
    name_en = models.CharField(_("name (English)"), max_length=200, blank=True)
    description = models.TextField(_("description"), blank=True)
    provinces = models.ManyToManyField(
        Area, related_name="regions", limit_choices_to={"level": AreaLevel.PROVINCE}
    )
    history = HistoricalRecords(m2m_fields=[provinces])

    class Meta:
        verbose_name = _("region")
        verbose_name_plural = _("regions")
        ordering = ["name_th"]

    def __str__(self) -> str:
        return in_page_language(self.name_th, self.name_en)
