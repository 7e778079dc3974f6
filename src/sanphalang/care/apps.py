"""The care app's configuration."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CareConfig(AppConfig):
    name = "sanphalang.care"
    label = "care"
    verbose_name = _("Care for people in hardship")

    def ready(self) -> None:
        from sanphalang.jobs.kinds import register_module

        register_module("sanphalang.care.services.privacy")  # the retention purge's job
