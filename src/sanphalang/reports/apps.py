"""The reports app's configuration: dashboards, maps, chart exports and the quarterly report to the governor."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "sanphalang.reports"
    label = "reports"
    verbose_name = _("Reports and dashboards")

    def ready(self) -> None:
        from . import figures  # noqa: F401 (register the figures)
        from .services import boundaries  # noqa: F401 (register the boundary jobs)
        from .services import quarterly  # noqa: F401 (register the report's job kinds)
