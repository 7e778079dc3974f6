"""Linking a fund to the directory entry its page proposes (the same name in the same subdistrict)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from sanphalang.web.forms import show_refusal

from ..selectors import registry as selectors
from ..services.registry import fund_update


@login_required
@require_POST
def fund_entry_link(request, pk: int):
    fund = selectors.fund_get_for_change(user=request.user, pk=pk)
    entry = selectors.proposed_entry(user=request.user, fund=fund)
    if entry is None or str(entry.pk) != request.POST.get("organisation", ""):
        messages.error(request, _("That directory entry is no longer proposed for this fund."))
        return redirect("welfare:fund_detail", pk=fund.pk)
    try:
        fund_update(by=request.user, fund=fund, organisation=entry)
    except ValidationError as error:
        show_refusal(request, error)
    else:
        messages.success(request, _("The fund was linked to its directory entry."))
    return redirect("welfare:fund_detail", pk=fund.pk)
