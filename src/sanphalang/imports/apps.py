from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ImportsConfig(AppConfig):
    name = "sanphalang.imports"
    label = "imports"
    verbose_name = _("Imports")

    def ready(self) -> None:
        # Imported here, not at the top of importers.py: each app's importers build on that module.
        from sanphalang.areas.importers import VillageImporter
        from sanphalang.care.importers.households import CARE_HOUSEHOLDS
        from sanphalang.directory.importers import OrganisationImporter, PersonImporter
        from sanphalang.meetings.importers import MEETING_IMPORTERS
        from sanphalang.plans.importers import PLAN_IMPORTERS
        from sanphalang.welfare.services.figures import FUND_FIGURES_IMPORTER

        from . import services  # noqa: F401 (registers the import jobs)
        from .importers import register

        for importer in (
            OrganisationImporter(),
            PersonImporter(),
            VillageImporter(),
            *MEETING_IMPORTERS,
            FUND_FIGURES_IMPORTER,
            *PLAN_IMPORTERS,
            CARE_HOUSEHOLDS,
        ):
            register(importer)
