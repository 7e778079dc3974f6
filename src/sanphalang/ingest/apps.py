from django.apps import AppConfig


class IngestConfig(AppConfig):
    name = "sanphalang.ingest"
    label = "ingest"
    verbose_name = "Ingest"
