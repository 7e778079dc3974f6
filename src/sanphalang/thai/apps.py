from django.apps import AppConfig


class ThaiConfig(AppConfig):
    name = "sanphalang.thai"
    label = "thai"
    verbose_name = "Thai language"
