"""Pages that keep the fund registry by hand: register a fund, edit its registry details, find its subdistrict."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from sanphalang.areas.models import AreaLevel
from sanphalang.areas.scoping import require_write, scope_for
from sanphalang.areas.selectors import area_search
from sanphalang.directory.autocomplete import OrganisationSearch
from sanphalang.errors import AccessDenied
from sanphalang.web.areas import AREA_OPTION_LIMIT, area_label
from sanphalang.web.forms import apply_validation_error

from . import selectors, services_registry
from .forms_registry import UNLINKED_FUND_ENTRIES, FundCreateForm, FundRegistryForm


def _require_writer_with_areas(user) -> None:
    """Refuse a read-only role, or a writer with no areas yet, before any form is read."""
    scope = scope_for(user)
    if not user.can_write or not (scope.national or scope.prefixes):
        require_write(user, None)


def _submit(request, form, write):
    """Run write on the form's data when it is posted and valid. The fund written, or None to show the form again
    with the service's refusals at their fields."""
    if request.method != "POST" or not form.is_valid():
        return None
    try:
        return write(form.cleaned_data)
    except ValidationError as error:
        apply_validation_error(form, error)
    except AccessDenied as denied:
        # The view has checked the user may write here; what remains is the area typed in the form.
        form.add_error("area_code", denied.message)
    return None


def _form_page(request, form, *, title: str, fund=None):
    return render(request, "welfare/fund_form.html", {"nav_active": "welfare", "form": form, "title": title,
                                                      "fund": fund}, status=400 if form.is_bound else 200)


@login_required
def fund_create(request):
    _require_writer_with_areas(request.user)
    form = FundCreateForm(request.POST or None, user=request.user)
    fund = _submit(request, form, lambda data: services_registry.fund_create(by=request.user, **data))
    if fund is not None:
        messages.success(request, _("The fund was registered."))
        return redirect("welfare:fund_detail", pk=fund.pk)
    return _form_page(request, form, title=_("Register a fund"))


@login_required
def fund_update(request, pk: int):
    fund = selectors.fund_get(user=request.user, pk=pk)
    # The service checks again on save; checking here spares a read-only user a form they cannot send.
    require_write(request.user, fund.area_id)
    form = FundRegistryForm(request.POST or None, user=request.user, instance=fund)
    if _submit(request, form, lambda data: services_registry.fund_update(by=request.user, fund=fund, **data)):
        messages.success(request, _("The fund's registry details were saved."))
        return redirect("welfare:fund_detail", pk=fund.pk)
    return _form_page(request, form, title=_("Edit %(name)s") % {"name": fund}, fund=fund)


@login_required
def area_options(request):
    """Options for the fund form's area-code datalist: subdistricts of the user's areas matching what they type."""
    query = request.GET.get("area_code", "").strip() or request.GET.get("q", "").strip()
    areas = []
    if query:
        areas = area_search(query=query, level=AreaLevel.SUBDISTRICT).filter(
            scope_for(request.user).subtree_q("code")).select_related("parent__parent")[:AREA_OPTION_LIMIT]
    return render(request, "directory/area_options.html", {"areas": [(a.code, area_label(a)) for a in areas]})


class FundEntrySearch(OrganisationSearch):
    """Suggestions for a fund's directory entry: entries of welfare funds not linked to a fund yet."""

    narrow = UNLINKED_FUND_ENTRIES
