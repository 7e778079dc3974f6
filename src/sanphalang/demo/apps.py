from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "sanphalang.demo"
    label = "demo"
    verbose_name = "Demo data"
