"""Users, their roles and areas, API tokens, and the log of who read or changed whose record."""

import hashlib
import secrets

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class Role(models.TextChoices):
    ADMINISTRATOR = "admin", _("Administrator")
    PROVINCIAL_COORDINATOR = "provincial_coordinator", _("Provincial coordinator")
    AREA_COORDINATOR = "area_coordinator", _("Area coordinator")
    VIEWER = "viewer", _("Viewer")
    PARTNER = "partner", _("Partner agency")


WRITING_ROLES = {Role.ADMINISTRATOR, Role.PROVINCIAL_COORDINATOR, Role.AREA_COORDINATOR}
# Roles that may see national IDs, health and legal-status data of people in their areas.
SENSITIVE_DATA_ROLES = {Role.ADMINISTRATOR, Role.PROVINCIAL_COORDINATOR, Role.AREA_COORDINATOR}


class User(AbstractUser):
    role = models.CharField(_("role"), max_length=32, choices=Role.choices, default=Role.VIEWER)
    organisation = models.ForeignKey(
        "directory.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="users",
    )
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    prefers_thai_digits = models.BooleanField(_("show Thai digits"), default=False)
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES, default="th")
    # The area codes the user's assignments and regions come to, kept in the row so that every request knows the
    # user's scope without another query. Rewritten by accounts.services.user_refresh_scope on every change.
    scope_codes = models.TextField(editable=False, default="", blank=True)
    history = HistoricalRecords(excluded_fields=["password", "last_login", "scope_codes"])

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    @property
    def written_to_in(self) -> str:
        """The language to write to the user in where no request says it: a job's worker, a daily digest."""
        return self.language or settings.LANGUAGE_CODE

    @property
    def is_administrator(self) -> bool:
        return self.is_superuser or self.role == Role.ADMINISTRATOR

    @property
    def can_write(self) -> bool:
        return self.is_active and (self.is_superuser or self.role in WRITING_ROLES)

    @property
    def can_see_sensitive_data(self) -> bool:
        return self.is_active and (self.is_superuser or self.role in SENSITIVE_DATA_ROLES)


class AreaAssignment(models.Model):
    """An area or a region a user works in: they see it and everything below it."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="area_assignments")
    area = models.ForeignKey("areas.Area", on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    region = models.ForeignKey(
        "areas.Region", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("area assignment")
        verbose_name_plural = _("area assignments")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(area__isnull=False, region__isnull=True)
                | models.Q(area__isnull=True, region__isnull=False),
                name="assignment_is_area_or_region",
            ),
            models.UniqueConstraint(fields=["user", "area"], name="unique_user_area"),
            models.UniqueConstraint(fields=["user", "region"], name="unique_user_region"),
        ]

    def __str__(self) -> str:
        return str(self.area or self.region)


def hash_token(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


class ApiToken(models.Model):
    """A bearer token for the API. Only its hash is stored; the raw token is shown once at creation."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(_("name"), max_length=100)
    key_hash = models.CharField(max_length=64, unique=True)
    prefix = models.CharField(max_length=8)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    @staticmethod
    def new_raw_key() -> str:
        return "sp_" + secrets.token_urlsafe(32)


class AccessAction(models.TextChoices):
    READ = "read", _("read")
    EXPORT = "export", _("export")
    CREATE = "create", _("create")
    UPDATE = "update", _("update")
    DELETE = "delete", _("delete")
    ERASE = "erase", _("erase")


class AccessLog(models.Model):
    """Who read or changed a record of personal data, when, and through which channel (PDPA)."""

    at = models.DateTimeField(auto_now_add=True, db_index=True)
    user = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, related_name="+")
    username = models.CharField(max_length=150)
    action = models.CharField(max_length=10, choices=AccessAction.choices)
    model = models.CharField(max_length=60)
    object_id = models.CharField(max_length=40, db_index=True)
    object_repr = models.CharField(max_length=200, blank=True)
    channel = models.CharField(max_length=10, default="web")
    detail = models.CharField(max_length=300, blank=True)
    # Where the request came from (the client's address, as the proxy gave it); empty outside a request.
    address = models.GenericIPAddressField(null=True, blank=True)

    class Meta:
        verbose_name = _("access log entry")
        verbose_name_plural = _("access log")
        ordering = ["-at"]
        indexes = [models.Index(fields=["model", "object_id", "at"])]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.username} {self.action} {self.model}:{self.object_id}"
