"""The reports app's configuration: dashboards, maps, chart exports and the quarterly report to the governor."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "sanphalang.reports"
    label = "reports"
    verbose_name = _("Reports and dashboards")

    def ready(self) -> None:
        # Register the figures, and the job kinds of the boundary import and the quarterly report.
        from . import figures  # noqa: F401
        from .services import boundaries, quarterly  # noqa: F401
