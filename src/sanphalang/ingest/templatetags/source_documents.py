"""{% source_documents record %}: on a record's page, the reports it was accepted from, those the reader may open."""

from django import template

from ..selectors.documents import documents_of_record

register = template.Library()


@register.inclusion_tag("ingest/source_documents.html", takes_context=True)
def source_documents(context, record):
    request = context.get("request")
    if request is None or record is None or not request.user.is_authenticated:
        return {"documents": []}
    return {"documents": documents_of_record(user=request.user, record=record)}
