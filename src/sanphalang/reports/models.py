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


class BoundaryUploadStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for confirmation")
    QUEUED = "queued", _("Being imported")
    IMPORTED = "imported", _("Imported")


class BoundaryUpload(models.Model):
    """A boundary file kept between its check and the administrator's confirmation. The check reads it once and
    keeps the outlines it prepared (made valid, simplified, rounded), so the import writes them without reading
    the file again."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("uploaded by"), on_delete=models.CASCADE, related_name="+"
    )
    filename = models.CharField(_("file name"), max_length=255)
    data = models.BinaryField(_("file"))
    code_field = models.CharField(_("code field"), max_length=60, blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=BoundaryUploadStatus.choices, default=BoundaryUploadStatus.PENDING
    )
    # {"code_field", "features": [[number, code, geometry]...], "problems": [...], "levels": {...}}
    checked = models.JSONField(_("outlines read"), null=True, blank=True, editable=False)
    imported_count = models.PositiveIntegerField(_("outlines imported"), default=0)
    created_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("boundary file")
        verbose_name_plural = _("boundary files")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return self.filename
