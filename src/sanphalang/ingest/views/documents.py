"""The pages of reports given: the list, giving reports (pasted or many files, read in a job), the original file,
and setting a report aside."""

import io

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from sanphalang.areas.scoping import require_writer
from sanphalang.web.forms import apply_validation_error, show_refusal

from ..forms.documents import GiveForm
from ..models import DocumentMedia, DocumentStatus
from ..reading import MAX_BYTES
from ..selectors.documents import (
    document_counts,
    document_get,
    document_get_for_change,
    document_list,
    give_area_choices,
)
from ..services.documents import GivenFile, document_discard, documents_give

PAGE_SIZE = 50
_CONTENT_TYPES = {
    DocumentMedia.PDF: "application/pdf",
    DocumentMedia.WORD: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    DocumentMedia.TEXT: "text/plain",
}


@login_required
def document_list_page(request):
    status = request.GET.get("status", "")
    status = status if status in DocumentStatus.values else ""
    job = request.GET.get("job", "")
    documents = document_list(
        user=request.user, status=status or None, job=int(job) if job.isdigit() else None
    )
    page = Paginator(documents, PAGE_SIZE).get_page(request.GET.get("page"))
    counts = document_counts(user=request.user)
    context = {
        "nav_active": "ingest",
        "page": page,
        "status": status,
        "job": job if job.isdigit() else "",
        "tabs": [(value, label, counts[value]) for value, label in DocumentStatus.choices],
        "total": sum(counts.values()),
    }
    return render(request, "ingest/document_list.html", context)


@login_required
def document_give(request):
    require_writer(request.user)
    form = GiveForm(
        request.POST or None, request.FILES or None, area_choices=give_area_choices(user=request.user)
    )
    if request.method == "POST" and form.is_valid():
        files = [
            GivenFile(name=upload.name, data=_read(upload), size=upload.size)
            for upload in form.cleaned_data["files"]
        ]
        try:
            _documents, job = documents_give(
                by=request.user,
                area_code=form.cleaned_data["area"],
                text=form.cleaned_data["text"],
                files=files,
            )
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            return redirect(job)
    status = 400 if form.errors else 200
    return render(request, "ingest/document_give.html", {"nav_active": "ingest", "form": form}, status=status)


def _read(upload) -> bytes:
    # A file over the limit is not read into memory: it is refused by its size.
    return b"" if upload.size > MAX_BYTES else upload.read()


@login_required
def document_file(request, pk: int):
    """The report as it was given: the original file."""
    document = document_get(user=request.user, pk=pk)
    if document.media == DocumentMedia.PASTED:
        # Pasted text is given back as the text file it would have been.
        return FileResponse(
            io.BytesIO(document.text.encode("utf-8")),
            as_attachment=True,
            filename=f"{document.name}.txt",
            content_type="text/plain; charset=utf-8",
        )
    if not document.content:
        raise Http404  # too large to keep: refused by its size
    return FileResponse(
        io.BytesIO(bytes(document.content)),
        as_attachment=True,
        filename=document.name,
        content_type=_CONTENT_TYPES.get(document.media, "application/octet-stream"),
    )


@login_required
@require_POST
def document_discard_page(request, pk: int):
    document = document_get_for_change(user=request.user, pk=pk)
    try:
        document_discard(by=request.user, document=document)
    except ValidationError as error:
        show_refusal(request, error)
    else:
        messages.success(request, _("The report was set aside: nothing of it entered the records."))
    return redirect(document)
