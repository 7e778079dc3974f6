"""Pages of the meetings app: the working pages, the corrections, and the documents (PDF, Word, calendar)."""

from .urls_documents import urlpatterns as document_urls
from .urls_edits import urlpatterns as edit_urls
from .urls_pages import urlpatterns as page_urls

app_name = "meetings"
urlpatterns = page_urls + edit_urls + document_urls
