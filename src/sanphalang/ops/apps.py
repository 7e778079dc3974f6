from django.apps import AppConfig


class OpsConfig(AppConfig):
    name = "sanphalang.ops"
    label = "ops"
    verbose_name = "Operations"
