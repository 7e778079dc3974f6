"""Messages to a user in the app, such as the daily reminder."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from ..errors import MeetingError


class Notification(models.Model):
    """A message in the user's in-app inbox. key makes a daily reminder idempotent: one per user, item and day."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications")
    key = models.CharField(max_length=120)
    message = models.CharField(max_length=500)
    link = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "key"],
                name="unique_notification_key",
                violation_error_code=MeetingError.NOTIFICATION_SENT.code,
                violation_error_message=MeetingError.NOTIFICATION_SENT.lazy_message,
            )
        ]

    def __str__(self) -> str:
        return self.message
