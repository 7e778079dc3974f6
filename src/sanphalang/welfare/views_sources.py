"""Pages of the sources: upload with a column mapping, reconcile, and the review queue of uncertain links."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from sanphalang.areas.scoping import require_write, scope_for
from sanphalang.imports.tabular import TableError, read_table

from . import selectors, services
from .forms import MergeForm, SourceUploadForm
from .models import Source


def _default_province(user) -> str:
    scope = scope_for(user)
    return scope.prefixes[0][:2] if scope.prefixes else ""


@login_required
def source_list(request):
    sources = selectors.source_list(user=request.user)
    remembered = None
    if request.GET.get("source"):
        remembered = next((s for s in sources if s.name == request.GET["source"]), None)
    form = SourceUploadForm(
        request.POST or None, request.FILES or None, mapping=remembered.column_mapping if remembered else None,
        initial={"source_name": remembered.name if remembered else "",
                 "province_code": remembered.province_id if remembered else _default_province(request.user)})
    if request.method == "POST":
        require_write(request.user, request.POST.get("province_code") or None)
        if form.is_valid():
            upload = form.cleaned_data["file"]
            try:
                table = read_table(upload.read(), upload.name)
                result = services.source_import(
                    by=request.user, source_name=form.cleaned_data["source_name"],
                    province_code=form.cleaned_data["province_code"], table=table,
                    column_mapping=form.mapping() or None)
            except TableError as error:
                form.add_error("file", error.message)
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("%(count)s rows of %(source)s were imported.")
                                 % {"count": result.created, "source": result.source})
                return redirect("welfare:source_list")
    return render(request, "welfare/source_list.html", {
        "nav_active": "welfare", "sources": sources, "form": form,
        "can_write": request.user.can_write}, status=400 if form.errors else 200)


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
                                "%(review)s links wait for review.") % summary)
    return redirect("welfare:review_queue" if summary["review"] else "welfare:fund_list")


@login_required
def review_queue(request):
    records = list(selectors.review_queue(user=request.user)[:200])
    return render(request, "welfare/review_queue.html", {"nav_active": "welfare", "records": records,
                                                         "form": MergeForm()})


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
