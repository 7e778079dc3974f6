"""The import pages: upload a file, preview its rows and errors, confirm. The work is in services.py."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from sanphalang.areas.scoping import require_writer
from sanphalang.errors import Access
from sanphalang.web.forms import apply_validation_error

from .forms import ConfirmForm, UploadForm
from .importers import IMPORTERS
from .models import ImportBatch, ImportStatus
from .selectors import import_batch_get_for_change
from .services import import_batch_confirm, import_batch_create, import_batch_preview
from .tabular import CSV_CONTENT_TYPE, TABLE_FORMATS, XLSX_CONTENT_TYPE, TableError, write_table


@login_required
def index(request):
    require_writer(request.user, Access.READ_ONLY_ROLE_IMPORT)
    form = UploadForm(
        request.POST or None,
        request.FILES or None,
        initial={"entity": request.GET.get("entity", "organisations"), "meeting": request.GET.get("meeting")},
    )
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            batch = import_batch_create(
                by=request.user,
                entity=form.cleaned_data["entity"],
                filename=upload.name,
                data=upload.read(),
                meeting_id=form.cleaned_data.get("meeting"),
            )
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            return redirect("imports:preview", pk=batch.pk)
    context = {
        "nav_active": "imports",
        "form": form,
        "importers": IMPORTERS.values(),
        "formats": TABLE_FORMATS,
        "recent": ImportBatch.objects.filter(user=request.user).defer("data")[:10],
    }
    return render(request, "imports/index.html", context, status=400 if form.errors else 200)


def _preview_page(request, batch, result, form, status=200):
    context = {
        "nav_active": "imports",
        "batch": batch,
        "result": result,
        "form": form,
        "importer": IMPORTERS[batch.entity],
    }
    return render(request, "imports/preview.html", context, status=status)


@login_required
def preview(request, pk: int):
    batch = import_batch_get_for_change(user=request.user, pk=pk)
    if batch.status != ImportStatus.PENDING:
        return _preview_page(request, batch, None, None)
    try:
        result = import_batch_preview(by=request.user, batch=batch)
    except TableError as error:
        messages.error(request, error.message)
        return redirect("imports:index")
    except ValidationError as error:  # the meeting is no longer the user's to change
        messages.error(request, " ".join(error.messages))
        return redirect("imports:index")
    return _preview_page(request, batch, result, ConfirmForm())


@login_required
@require_POST
def confirm(request, pk: int):
    batch = import_batch_get_for_change(user=request.user, pk=pk)
    form = ConfirmForm(request.POST)
    form.is_valid()
    try:
        result = import_batch_confirm(
            by=request.user, batch=batch, skip_bad_rows=form.cleaned_data.get("skip_bad_rows", False)
        )
    except (ValidationError, TableError) as error:
        messages.error(request, " ".join(getattr(error, "messages", [str(error)])))
        return redirect("imports:preview", pk=batch.pk)
    if not result.written:
        messages.error(request, _("Nothing was imported: correct the rows below, or choose to skip them."))
        return _preview_page(request, batch, result, form, status=400)
    messages.success(
        request,
        ngettext("%(count)s record was imported.", "%(count)s records were imported.", result.created)
        % {"count": result.created},
    )
    return redirect("imports:preview", pk=batch.pk)


@login_required
def template_file(request, entity: str, fmt: str):
    """An empty file with the Thai headings the importer reads, to fill in."""
    importer = IMPORTERS.get(entity)
    if importer is None or fmt not in TABLE_FORMATS:
        raise Http404
    headings = [column.th for column in importer.columns if column.in_template]
    content_type = CSV_CONTENT_TYPE if fmt == "csv" else XLSX_CONTENT_TYPE
    response = HttpResponse(write_table(headings, [], fmt=fmt, sheet_title=entity), content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="sanphalang-{entity}.{fmt}"'
    return response
