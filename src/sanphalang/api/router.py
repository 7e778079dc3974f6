"""The REST API: one NinjaAPI with a router per app."""

from ninja import NinjaAPI

api = NinjaAPI(title="Sanphalang API", version="1", urls_namespace="api")
