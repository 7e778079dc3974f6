"""Routes of the care pages."""

from django.urls import path

from .views import privacy

app_name = "care"

urlpatterns = [
    path("households/<int:pk>/access-log/", privacy.household_access_log, name="household_access_log"),
    path("households/<int:pk>/export/", privacy.household_export, name="household_export"),
    path("households/<int:pk>/anonymise/", privacy.household_anonymise, name="household_anonymise"),
]
