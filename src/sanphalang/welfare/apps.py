"""The welfare app's configuration."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WelfareConfig(AppConfig):
    name = "sanphalang.welfare"
    label = "welfare"
    verbose_name = _("Community welfare funds")

    def ready(self) -> None:
        from .services import reconcile, sources  # noqa: F401 (register the welfare jobs)
