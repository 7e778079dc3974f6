from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "sanphalang.api"
    label = "api"
    verbose_name = "API"
