"""Pages of the meetings app: the working pages, and the documents (PDF, Word, calendar) made from them."""

from .urls_documents import urlpatterns as document_urls
from .urls_pages import urlpatterns as page_urls

app_name = "meetings"
urlpatterns = page_urls + document_urls
