"""The settle step: an officer chooses the value of a field where the sources disagree, on the fund's page or on a
page of its own that the worklist links to (and returns to, by ?next=)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from ..forms.settle import SettleForm
from ..selectors import registry as selectors
from ..selectors.settle import open_fields
from ..services import settle as services
from .registry import fund_detail_context


def _next_url(request) -> str | None:
    """Where to go back after settling: a page of this site only (never an address given from outside)."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return None


def _go_back(back: str | None, fund):
    return redirect(back) if back else redirect("welfare:fund_detail", pk=fund.pk)


def _settle_page(request, fund, field: str, form=None, status: int = 200):
    item = next((f for f in open_fields(fund) if f.field == field), None)
    return render(
        request,
        "welfare/fund_settle.html",
        {
            "nav_active": "welfare",
            "fund": fund,
            "item": item,
            "settle_form": form,
            "next": _next_url(request),
        },
        status=status,
    )


@login_required
@require_http_methods(["GET", "POST"])
def fund_settle(request, pk: int):
    fund = selectors.fund_get_for_change(user=request.user, pk=pk)
    back = _next_url(request)
    if request.method == "GET":
        field = request.GET.get("field", "")
        if not any(f.field == field for f in open_fields(fund)):
            messages.info(request, _("This field no longer waits for settling."))
            return _go_back(back, fund)
        return _settle_page(request, fund, field)
    form = SettleForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        record = None
        if data.get("from_record"):
            record = next((r for r in fund.source_records.all() if r.pk == data["from_record"]), None)
        try:
            services.settle(
                by=request.user,
                fund=fund,
                field=data["field"],
                value=data.get("value", ""),
                from_record=record,
                reason=data["reason"],
            )
        except services.AlreadySettled as done:
            messages.info(request, done.message)
            return _go_back(back, fund)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The value is settled."))
            return _go_back(back, fund)
    fund = selectors.fund_get(user=request.user, pk=pk)
    if back:
        return _settle_page(request, fund, request.POST.get("field", ""), form, status=400)
    return render(request, "welfare/fund_detail.html", fund_detail_context(request, fund, form), status=400)
