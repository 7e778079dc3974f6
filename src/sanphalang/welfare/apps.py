"""The welfare app's configuration."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WelfareConfig(AppConfig):
    name = "sanphalang.welfare"
    label = "welfare"
    verbose_name = _("Community welfare funds")

    def ready(self) -> None:
        from django.db.models.signals import post_migrate

        from sanphalang.jobs.kinds import register_module

        register_module("sanphalang.welfare.services.reconcile")  # the welfare jobs
        register_module("sanphalang.welfare.services.sources")
        from .services.worklist import fill_worklist_after_its_migration

        post_migrate.connect(fill_worklist_after_its_migration, sender=self)
