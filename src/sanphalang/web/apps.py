from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "sanphalang.web"
    label = "web"
    verbose_name = "Web"
