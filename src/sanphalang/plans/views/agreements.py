"""Pages of agreements (MOUs): the list with its filters and export, an agreement's page with its parties, what
each committed to, who signed in which position, its documents and the meeting where it was signed; the forms
that record them; document download."""

import os

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from sanphalang.areas.scoping import can_add_records, require_can_add
from sanphalang.web.areas import area_label
from sanphalang.web.forms import carry_version, show_refusal
from sanphalang.web.listing import Column, export_format, export_rows, paginate

from ..access import can_change_agreement
from ..forms.agreements import AgreementFilterForm, AgreementForm, DocumentForm, PartyForm, SignatoryForm
from ..models import Agreement, AgreementDocument, AgreementParty, Signatory
from ..selectors import agreements as selectors
from ..selectors.plans import plan_get
from ..services import agreements as services
from .pages import REMOVAL_QUESTIONS, form_page, saved

LIST_COLUMNS = [
    Column("signed_on", gettext_lazy("Signed on"), lambda a: a.signed_on, "signed_on"),
    Column("title", gettext_lazy("Name of the agreement"), lambda a: a.title, "title"),
    Column("kind", gettext_lazy("Kind"), lambda a: a.get_kind_display(), "kind"),
    Column("area", gettext_lazy("Area"), lambda a: area_label(a.area), "area_id"),
    Column("plan", gettext_lazy("Plan"), lambda a: a.plan.title if a.plan_id else "", "plan__title"),
    Column("venue", gettext_lazy("Venue"), lambda a: a.venue, "venue"),
]


@login_required
def agreement_list(request):
    filters = AgreementFilterForm(request.GET or None, user=request.user)
    criteria = filters.cleaned_data if filters.is_valid() else {}
    plan = criteria.get("plan")
    agreements = selectors.agreement_list(
        user=request.user, year_be=criteria.get("year") or None, plan=plan.pk if plan else None
    )
    fmt = export_format(request)
    if fmt:
        return export_rows(agreements, LIST_COLUMNS, fmt=fmt, filename="agreements")
    listing = paginate(agreements, LIST_COLUMNS, request, default_sort="-signed_on")
    return render(
        request,
        "plans/agreement_list.html",
        {
            "nav_active": "plans",
            "filters": filters,
            "listing": listing,
            "rows": listing.page.object_list,
            "can_add": can_add_records(request.user),
        },
    )


def _render_agreement(
    request, agreement, *, party_form=None, signatory_form=None, document_form=None, status=200
):
    can_edit = can_change_agreement(request.user, agreement)
    parties = list(agreement.parties.all())
    if can_edit:
        party_form = party_form or PartyForm(user=request.user, prefix="party")
        signatory_form = signatory_form or SignatoryForm(
            user=request.user, parties=agreement.parties.all(), prefix="signatory"
        )
        document_form = document_form or DocumentForm()
    return render(
        request,
        "plans/agreement_detail.html",
        {
            "nav_active": "plans",
            "agreement": agreement,
            "parties": parties,
            "area": area_label(agreement.area),
            "meeting": selectors.readable_meeting(user=request.user, meeting_id=agreement.meeting_id),
            "can_edit": can_edit,
            "party_form": party_form,
            "signatory_form": signatory_form,
            "document_form": document_form,
            "confirm": REMOVAL_QUESTIONS,
        },
        status=status,
    )


@login_required
def agreement_detail(request, pk: int):
    return _render_agreement(request, selectors.agreement_get(user=request.user, pk=pk))


@login_required
def agreement_create(request):
    require_can_add(request.user)
    initial = {}
    if request.GET.get("plan"):
        plan = plan_get(user=request.user, pk=request.GET["plan"])
        initial = {"plan": plan.pk, "area_code": plan.area_id or ""}
    form = AgreementForm(request.POST or None, user=request.user, initial=initial)
    agreement = saved(
        request, form, Agreement, lambda data: services.agreement_create(by=request.user, **data)
    )
    if agreement is not None:
        messages.success(request, _("The agreement was recorded."))
        return redirect("plans:agreement_detail", pk=agreement.pk)
    return form_page(
        request,
        form,
        title=_("Record an agreement"),
        cancel_url=reverse("plans:agreement_list"),
        with_area_script=True,
    )


@login_required
def agreement_update(request, pk: int):
    agreement = selectors.agreement_get_for_change(user=request.user, pk=pk)
    form = carry_version(
        AgreementForm(request.POST or None, user=request.user, instance=agreement), agreement
    )
    if saved(
        request,
        form,
        Agreement,
        lambda data: services.agreement_update(by=request.user, agreement=agreement, **data),
    ):
        messages.success(request, _("The agreement was saved."))
        return redirect("plans:agreement_detail", pk=agreement.pk)
    return form_page(
        request,
        form,
        title=_("Edit %(agreement)s") % {"agreement": agreement},
        cancel_url=reverse("plans:agreement_detail", args=[agreement.pk]),
        remove_url=reverse("plans:agreement_delete", args=[agreement.pk]),
        question=REMOVAL_QUESTIONS["agreement"],
        with_area_script=True,
    )


@login_required
@require_POST
def agreement_delete(request, pk: int):
    agreement = selectors.agreement_get_for_change(user=request.user, pk=pk)
    try:
        services.agreement_delete(by=request.user, agreement=agreement)
    except ValidationError as error:
        show_refusal(request, error)
        return redirect("plans:agreement_detail", pk=agreement.pk)
    messages.success(request, _("The agreement was deleted."))
    return redirect("plans:agreement_list")


def _back(agreement_id: int, anchor: str) -> str:
    return reverse("plans:agreement_detail", args=[agreement_id]) + anchor


# ---- parties


@login_required
@require_POST
def party_create(request, pk: int):
    agreement = selectors.agreement_get_for_change(user=request.user, pk=pk)
    form = PartyForm(request.POST, user=request.user, prefix="party")
    if saved(
        request,
        form,
        AgreementParty,
        lambda data: services.party_add(by=request.user, agreement=agreement, **data),
    ):
        messages.success(request, _("The party was added."))
        return redirect(_back(agreement.pk, "#parties"))
    return _render_agreement(request, agreement, party_form=form, status=400)


@login_required
def party_update(request, pk: int):
    party = selectors.agreement_party_get_for_change(user=request.user, pk=pk)
    form = carry_version(PartyForm(request.POST or None, user=request.user, instance=party), party)
    if saved(
        request,
        form,
        AgreementParty,
        lambda data: services.party_update(by=request.user, party=party, **data),
    ):
        messages.success(request, _("The party was saved."))
        return redirect(_back(party.agreement_id, "#parties"))
    return form_page(
        request,
        form,
        title=_("Edit party %(party)s") % {"party": party.organisation},
        cancel_url=_back(party.agreement_id, "#parties"),
        remove_url=reverse("plans:party_remove", args=[party.pk]),
        question=REMOVAL_QUESTIONS["party"],
    )


@login_required
@require_POST
def party_remove(request, pk: int):
    party = selectors.agreement_party_get_for_change(user=request.user, pk=pk)
    services.party_remove(by=request.user, party=party)
    messages.success(request, _("The party was removed."))
    return redirect(_back(party.agreement_id, "#parties"))


# ---- signatories


@login_required
@require_POST
def signatory_create(request, pk: int):
    agreement = selectors.agreement_get_for_change(user=request.user, pk=pk)
    form = SignatoryForm(request.POST, user=request.user, parties=agreement.parties.all(), prefix="signatory")

    def add(data):
        return services.signatory_add(by=request.user, **data)

    if saved(request, form, Signatory, add):
        messages.success(request, _("The signatory was added."))
        return redirect(_back(agreement.pk, "#parties"))
    return _render_agreement(request, agreement, signatory_form=form, status=400)


@login_required
def signatory_update(request, pk: int):
    signatory = selectors.signatory_get_for_change(user=request.user, pk=pk)
    form = carry_version(
        SignatoryForm(request.POST or None, user=request.user, instance=signatory), signatory
    )
    back = _back(signatory.party.agreement_id, "#parties")
    if saved(
        request,
        form,
        Signatory,
        lambda data: services.signatory_update(by=request.user, signatory=signatory, **data),
    ):
        messages.success(request, _("The signatory was saved."))
        return redirect(back)
    return form_page(
        request,
        form,
        title=_("Edit signatory for %(party)s") % {"party": signatory.party.organisation},
        cancel_url=back,
        remove_url=reverse("plans:signatory_remove", args=[signatory.pk]),
        question=REMOVAL_QUESTIONS["signatory"],
    )


@login_required
@require_POST
def signatory_remove(request, pk: int):
    signatory = selectors.signatory_get_for_change(user=request.user, pk=pk)
    services.signatory_remove(by=request.user, signatory=signatory)
    messages.success(request, _("The signatory was removed."))
    return redirect(_back(signatory.party.agreement_id, "#parties"))


# ---- documents


@login_required
@require_POST
def document_create(request, pk: int):
    agreement = selectors.agreement_get_for_change(user=request.user, pk=pk)
    form = DocumentForm(request.POST, request.FILES)
    if saved(
        request,
        form,
        AgreementDocument,
        lambda data: services.document_add(by=request.user, agreement=agreement, **data),
    ):
        messages.success(request, _("The document was kept with the agreement."))
        return redirect(_back(agreement.pk, "#documents"))
    return _render_agreement(request, agreement, document_form=form, status=400)


@login_required
def document_download(request, pk: int):
    document = selectors.agreement_document_get(user=request.user, pk=pk)
    try:
        handle = document.file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    return FileResponse(handle, as_attachment=True, filename=os.path.basename(document.file.name))


@login_required
@require_POST
def document_remove(request, pk: int):
    document = selectors.agreement_document_get_for_change(user=request.user, pk=pk)
    services.document_remove(by=request.user, document=document)
    messages.success(request, _("The document was removed."))
    return redirect(_back(document.agreement_id, "#documents"))
