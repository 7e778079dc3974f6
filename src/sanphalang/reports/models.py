"""The reports app's records: imported area boundaries (for real maps) and the quarterly reports to the governor."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Boundary(models.Model):
    """An area's outline, imported from a GeoJSON file or a Shapefile keyed by the official area codes; kept in
    WGS 84 longitude and latitude, simplified for drawing."""

    area = models.OneToOneField(
        "areas.Area",
        verbose_name=_("area"),
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="boundary",
    )
    geometry = models.JSONField(_("outline"))
    source = models.CharField(_("source file"), max_length=200, blank=True)
    imported_at = models.DateTimeField(_("imported at"), auto_now=True)
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("area boundary")
        verbose_name_plural = _("area boundaries")

    def __str__(self) -> str:
        return str(self.area_id)
