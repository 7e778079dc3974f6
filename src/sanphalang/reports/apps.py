"""The reports app's configuration: dashboards, maps, chart exports and the quarterly report to the governor."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "sanphalang.reports"
    label = "reports"
    verbose_name = _("Reports and dashboards")

    def ready(self) -> None:
        from sanphalang.jobs.kinds import register_module

        from . import figures  # noqa: F401 (register the figures)

        # The job kinds of the boundary import and the quarterly report.
        register_module("sanphalang.reports.services.boundaries")
        register_module("sanphalang.reports.services.quarterly")
