"""The plans app's configuration."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlansConfig(AppConfig):
    name = "sanphalang.plans"
    label = "plans"
    verbose_name = _("Plans, agreements and targets")
