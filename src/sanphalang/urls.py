"""URLs: the pages of each app, the API, language switching and the admin."""

from django.contrib import admin
from django.urls import include, path
from django.views.i18n import JavaScriptCatalog

from sanphalang.accounts.views import set_language
from sanphalang.api.router import api

urlpatterns = [
    path("", include("sanphalang.web.urls")),
    path("accounts/", include("sanphalang.accounts.urls")),
    path("areas/", include("sanphalang.areas.urls")),
    path("care/", include("sanphalang.care.urls")),
    path("directory/", include("sanphalang.directory.urls")),
    path("import/", include("sanphalang.imports.urls")),
    path("ingest/", include("sanphalang.ingest.urls")),
    path("jobs/", include("sanphalang.jobs.urls")),
    path("meetings/", include("sanphalang.meetings.urls")),
    path("plans/", include("sanphalang.plans.urls")),
    path("reports/", include("sanphalang.reports.urls")),
    path("welfare/", include("sanphalang.welfare.urls")),
    path("api/", api.urls),
    path("i18n/setlang/", set_language, name="set_language"),
    path("jsi18n/", JavaScriptCatalog.as_view(), name="javascript-catalog"),
    path("admin/", admin.site.urls),
]

handler400 = "sanphalang.web.views.bad_request"
handler403 = "sanphalang.web.views.permission_denied"
handler404 = "sanphalang.web.views.page_not_found"
handler500 = "sanphalang.web.views.server_error"
