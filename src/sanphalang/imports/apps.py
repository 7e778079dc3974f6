from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ImportsConfig(AppConfig):
    name = "sanphalang.imports"
    label = "imports"
    verbose_name = _("Imports")

    def ready(self) -> None:
        # Imported here, not at the top of importers.py: the meetings and welfare importers build on that module.
        from sanphalang.meetings.importers import MEETING_IMPORTERS
        from sanphalang.welfare.services.figures import FUND_FIGURES_IMPORTER

        from .importers import register

        for importer in (*MEETING_IMPORTERS, FUND_FIGURES_IMPORTER):
            register(importer)
