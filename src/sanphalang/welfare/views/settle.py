"""The settle step on a fund's page: an officer chooses the value of a field where the sources disagree."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ..forms.settle import SettleForm
from ..selectors import registry as selectors
from ..services import settle as services
from .registry import fund_detail_context


@login_required
@require_POST
def fund_settle(request, pk: int):
    fund = selectors.fund_get_for_change(user=request.user, pk=pk)
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
            return redirect("welfare:fund_detail", pk=fund.pk)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The value was settled."))
            return redirect("welfare:fund_detail", pk=fund.pk)
    fund = selectors.fund_get(user=request.user, pk=pk)
    return render(request, "welfare/fund_detail.html", fund_detail_context(request, fund, form), status=400)
