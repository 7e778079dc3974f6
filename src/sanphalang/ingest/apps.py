"""The app that reads Thai reports into drafts and, once reviewed, into records."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IngestConfig(AppConfig):
    name = "sanphalang.ingest"
    label = "ingest"
    verbose_name = _("Reading reports")

    def ready(self) -> None:
        from sanphalang.jobs.kinds import register_module

        register_module("sanphalang.ingest.services.documents")  # the reading job
