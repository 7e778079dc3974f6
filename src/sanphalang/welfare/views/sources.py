"""Pages of the sources: upload a file, map its columns, see its rows checked, and import it."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from sanphalang.imports.models import ImportStatus
from sanphalang.jobs.models import JobStatus
from sanphalang.jobs.services import JobAlreadyClaimed
from sanphalang.web.forms import apply_validation_error

from ..errors import WelfareError
from ..forms.sources import SourceMappingForm, SourceUploadForm
from ..linkage.records import FIELD_LABELS, RECORD_FIELDS
from ..selectors import sources as selectors
from ..services import sources as services


@login_required
def source_list(request):
    sources = selectors.source_list(user=request.user)
    provinces = selectors.writable_province_choices(user=request.user)
    again = next((s for s in sources if str(s.pk) == request.GET.get("source")), None)
    form = SourceUploadForm(
        request.POST or None,
        request.FILES or None,
        areas=selectors.source_area_choices(user=request.user),
        initial={
            "source_name": again.name if again else "",
            "area_code": selectors.coverage_of(again).key if again else "",
            "kind": again.kind if again else "",
        },
    )
    if request.method == "POST":
        selectors.source_coverage_for_change(user=request.user, key=request.POST.get("area_code"))
        if form.is_valid():
            upload = form.cleaned_data["file"]
            try:
                batch = services.source_upload_create(
                    by=request.user,
                    source_name=form.cleaned_data["source_name"],
                    area_code=form.cleaned_data["area_code"],
                    kind=form.cleaned_data["kind"],
                    filename=upload.name,
                    data=upload.read(),
                )
            except ValidationError as error:
                apply_validation_error(form, error)
            else:
                return redirect("welfare:source_upload", pk=batch.pk)
    return render(
        request,
        "welfare/source_list.html",
        {
            "nav_active": "welfare",
            "sources": [(source, selectors.source_label(source)) for source in sources],
            "form": form,
            "provinces": provinces,
            "can_write": request.user.can_write and bool(provinces),
        },
        status=400 if form.errors else 200,
    )


@login_required
def source_upload(request, pk: int):
    """Map the uploaded file's columns, see its rows checked under the mapping, and import it."""
    batch = selectors.source_upload_get_for_change(user=request.user, pk=pk)
    if batch.status != ImportStatus.PENDING:
        messages.info(request, WelfareError.FILE_ALREADY_IMPORTED.message())
        return redirect("welfare:source_list")
    table = selectors.source_upload_table(batch)
    suggested = selectors.source_upload_suggestion(batch, table)
    form = SourceMappingForm(
        request.POST or None, headings=[h for h in table.headings if h], mapping=suggested
    )
    mapping = form.mapping() if form.is_valid() else suggested
    preview = selectors.source_upload_preview(batch=batch, table=table, mapping=mapping)
    if request.method == "POST" and form.is_valid() and request.POST.get("action") == "import":
        skip_bad_rows = form.cleaned_data["skip_bad_rows"]
        if preview.mapping_error:
            form.add_error(None, preview.mapping_error)
        elif preview.errors and not skip_bad_rows:
            # The rows were checked for this page already: refuse here rather than in a job.
            apply_validation_error(form, services.SourceRowsRefused(preview.errors))
        else:
            return _source_import_start(request, batch, mapping, skip_bad_rows)
    shown = [name for name in RECORD_FIELDS if name in preview.mapping]
    return render(
        request,
        "welfare/source_upload.html",
        {
            "nav_active": "welfare",
            "batch": batch,
            "form": form,
            "preview": preview,
            "field_labels": [(name, FIELD_LABELS[name]) for name in shown],
            "preview_rows": [(row, [data.get(name, "") for name in shown]) for row, data in preview.rows],
        },
        status=400 if form.errors else 200,
    )


def _source_import_start(request, batch, mapping, skip_bad_rows):
    try:
        job = services.source_upload_confirm_start(
            by=request.user, batch=batch, mapping=mapping, skip_bad_rows=skip_bad_rows
        )
    except JobAlreadyClaimed:
        messages.info(request, WelfareError.FILE_ALREADY_IMPORTED.message())
        return redirect("welfare:source_list")
    if job.status != JobStatus.DONE:
        return redirect(job)
    messages.success(
        request,
        _("%(count)s rows of %(source)s were imported.")
        % {"count": job.result["created"], "source": job.result["source"]},
    )
    if job.result["skipped"]:
        messages.warning(
            request, _("%(count)s rows with errors were skipped.") % {"count": job.result["skipped"]}
        )
    return redirect("welfare:source_list")
