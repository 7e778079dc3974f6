from django.urls import path

from .views import documents, review

app_name = "ingest"
urlpatterns = [
    path("", documents.document_list_page, name="document_list"),
    path("give/", documents.document_give, name="document_give"),
    path("<int:pk>/", review.document_detail, name="document_detail"),
    path("<int:pk>/accept/", review.document_accept_page, name="document_accept"),
    path("<int:pk>/discard/", documents.document_discard_page, name="document_discard"),
    path("<int:pk>/file/", documents.document_file, name="document_file"),
]
