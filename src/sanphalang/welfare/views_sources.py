"""Pages of the sources: upload, map the columns and import, reconcile, and the review queue of uncertain links."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from sanphalang.areas.scoping import can_write_area, require_write
from sanphalang.imports.models import ImportStatus
from sanphalang.web.forms import apply_validation_error

from . import selectors, services, source_uploads
from .forms import FIELD_LABELS, MergeForm, SourceMappingForm, SourceUploadForm
from .models import Source
from .records import RECORD_FIELDS
from .selectors_audits import province_choices


def _writable_provinces(user) -> list[tuple[str, str]]:
    return [(code, name) for code, name in province_choices(user=user) if can_write_area(user, code)]


@login_required
def source_list(request):
    sources = selectors.source_list(user=request.user)
    provinces = _writable_provinces(request.user)
    again = next((s for s in sources if s.name == request.GET.get("source")), None)
    form = SourceUploadForm(
        request.POST or None, request.FILES or None, provinces=provinces,
        initial={"source_name": again.name if again else "", "province_code": again.province_id if again else ""})
    if request.method == "POST":
        require_write(request.user, request.POST.get("province_code") or None)
        if form.is_valid():
            upload = form.cleaned_data["file"]
            try:
                batch = source_uploads.source_upload_create(
                    by=request.user, source_name=form.cleaned_data["source_name"],
                    province_code=form.cleaned_data["province_code"], filename=upload.name, data=upload.read())
            except ValidationError as error:
                apply_validation_error(form, error)
            else:
                return redirect("welfare:source_upload", pk=batch.pk)
    return render(request, "welfare/source_list.html", {
        "nav_active": "welfare", "sources": sources, "form": form, "provinces": provinces,
        "can_write": request.user.can_write and bool(provinces)}, status=400 if form.errors else 200)


@login_required
def source_upload(request, pk: int):
    """Map the uploaded file's columns, see its rows checked under the mapping, and import it."""
    batch = source_uploads.source_upload_get(by=request.user, pk=pk)
    require_write(request.user, batch.options["province_code"])
    if batch.status != ImportStatus.PENDING:
        messages.info(request, _("This file has already been imported."))
        return redirect("welfare:source_list")
    table = source_uploads.source_upload_table(batch)
    suggested = source_uploads.source_upload_suggestion(batch, table)
    form = SourceMappingForm(request.POST or None, headings=[h for h in table.headings if h], mapping=suggested)
    mapping = form.mapping() if form.is_valid() else suggested
    if request.method == "POST" and form.is_valid() and request.POST.get("action") == "import":
        try:
            result = source_uploads.source_upload_confirm(by=request.user, batch=batch, mapping=mapping,
                                                          skip_bad_rows=form.cleaned_data["skip_bad_rows"])
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, _("%(count)s rows of %(source)s were imported.")
                             % {"count": result.created, "source": result.source})
            if result.skipped:
                messages.warning(request, _("%(count)s rows with errors were skipped.")
                                 % {"count": result.skipped_rows})
            return redirect("welfare:source_list")
    preview = source_uploads.source_upload_preview(batch=batch, table=table, mapping=mapping)
    shown = [name for name in RECORD_FIELDS if name in preview.mapping]
    return render(request, "welfare/source_upload.html", {
        "nav_active": "welfare", "batch": batch, "form": form, "preview": preview,
        "field_labels": [(name, FIELD_LABELS[name]) for name in shown],
        "preview_rows": [(row, [data.get(name, "") for name in shown]) for row, data in preview.rows]},
        status=400 if form.errors else 200)


@login_required
@require_POST
def reconcile(request):
    province = request.POST.get("province_code", "")
    require_write(request.user, province or None)
    if not Source.objects.filter(province_id=province).exists():
        messages.error(request, _("This province has no sources to reconcile yet."))
        return redirect("welfare:source_list")
    summary = services.reconcile(by=request.user, province_code=province)
    messages.success(request, _("%(records)s records were linked into %(funds)s funds (%(created)s new); "
                                "%(review)s links wait for review; %(duplicates)s rows repeat a fund within their "
                                "source.") % summary)
    return redirect("welfare:review_queue" if summary["review"] or summary["duplicates"] else "welfare:fund_list")


@login_required
def review_queue(request):
    records = list(selectors.review_queue(user=request.user)[:200])
    duplicates = list(selectors.in_source_duplicates(user=request.user)[:200])
    return render(request, "welfare/review_queue.html", {"nav_active": "welfare", "records": records,
                                                         "duplicates": duplicates, "form": MergeForm()})


@login_required
@require_POST
def review_decide(request, pk: int):
    record = selectors.review_record_get(user=request.user, pk=pk)
    action = request.POST.get("action")
    try:
        if action == "confirm":
            services.link_confirm(by=request.user, record=record)
        elif action == "split":
            services.link_split(by=request.user, record=record)
        elif action == "merge":
            form = MergeForm(request.POST)
            if not form.is_valid():
                raise ValidationError(_("Give the number of the fund to merge into."))
            fund = selectors.fund_get(user=request.user, pk=form.cleaned_data["fund"])
            services.link_merge(by=request.user, record=record, fund=fund)
        else:
            raise ValidationError(_("Choose confirm, merge or split."))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The link was decided."))
    return redirect("welfare:review_queue")
