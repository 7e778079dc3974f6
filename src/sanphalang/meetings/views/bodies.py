"""Pages of bodies (councils, committees, working groups): list, detail with members over time, forms, and the
correction of a membership."""

from functools import partial

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from sanphalang.areas.scoping import can_add_records, require_can_add
from sanphalang.web.areas import area_label
from sanphalang.web.forms import carry_version, show_service_error
from sanphalang.web.listing import Column, export_format, export_rows, paginate

from ..access import can_change_body
from ..forms.bodies import MEMBERSHIP_ROLES, BodyFilterForm, BodyForm, MembershipForm, MembershipTermsForm
from ..models import Body, Membership
from ..selectors import bodies as selectors
from ..selectors.meetings import meeting_list
from ..services import bodies as services
from .editing import REMOVAL_QUESTIONS, edit_page, initial_from, posted, remove_or_refuse, save_correction

ROLE_LABELS = dict(MEMBERSHIP_ROLES)

LIST_COLUMNS = [
    Column("name", gettext_lazy("Name"), lambda b: b.name_th, "sort_key"),
    Column("kind", gettext_lazy("Kind"), lambda b: b.get_kind_display(), "kind"),
    Column("area", gettext_lazy("Area"), lambda b: area_label(b.area), "area_id"),
    Column("parent", gettext_lazy("Part of"), lambda b: b.parent or ""),
]
EXPORT_COLUMNS = [
    Column("name", gettext_lazy("Name (Thai)"), lambda b: b.name_th),
    Column("name_en", gettext_lazy("Name (English)"), lambda b: b.name_en),
    Column("kind", gettext_lazy("Kind"), lambda b: b.get_kind_display()),
    Column("area_code", gettext_lazy("Area code"), lambda b: b.area_id),
    Column("area", gettext_lazy("Area"), lambda b: area_label(b.area)),
    Column("parent", gettext_lazy("Part of"), lambda b: b.parent or ""),
    Column("organisation", gettext_lazy("Organisation"), lambda b: b.organisation or ""),
    Column(
        "issues",
        gettext_lazy("Issue areas"),
        lambda b: ", ".join(str(issue) for issue in b.issue_areas.all()),
    ),
    Column("active", gettext_lazy("Active"), lambda b: _("yes") if b.is_active else _("no")),
]


@login_required
def body_list(request):
    filters = BodyFilterForm(request.GET or None)
    criteria = filters.cleaned_data if filters.is_valid() else {}
    bodies = selectors.body_list(
        user=request.user, kind=criteria.get("kind") or None, search=(criteria.get("q") or "").strip()
    )
    fmt = export_format(request)
    if fmt:
        return export_rows(
            bodies.select_related("area__parent__parent").order_by("sort_key", "pk"),
            EXPORT_COLUMNS,
            fmt=fmt,
            filename="bodies",
        )
    listing = paginate(bodies, LIST_COLUMNS, request, default_sort="name")
    return render(
        request,
        "meetings/body_list.html",
        {
            "nav_active": "meetings",
            "filters": filters,
            "listing": listing,
            "can_add": can_add_records(request.user),
        },
    )


def _render_body(request, body, *, member_form=None):
    today = timezone.localdate()
    memberships = sorted(body.memberships.all(), key=lambda m: (m.started_on or today, m.pk))
    for membership in memberships:
        membership.role_label = str(ROLE_LABELS.get(membership.role, membership.role))
    can_edit = can_change_body(request.user, body)
    if can_edit and member_form is None:
        member_form = MembershipForm(user=request.user)
    return render(
        request,
        "meetings/body_detail.html",
        {
            "nav_active": "meetings",
            "body": body,
            "can_edit": can_edit,
            "member_form": member_form,
            "confirm": REMOVAL_QUESTIONS,
            "current_members": [m for m in memberships if m.ended_on is None or m.ended_on >= today],
            "past_members": [m for m in memberships if m.ended_on is not None and m.ended_on < today],
            "meetings": meeting_list(user=request.user, body=body.pk).order_by("-held_on", "-number")[:100],
        },
    )


@login_required
def body_detail(request, pk: int):
    return _render_body(request, selectors.body_get(user=request.user, pk=pk))


def _body_fields(cleaned: dict) -> dict:
    fields = dict(cleaned)
    fields["issue_areas"] = list(fields["issue_areas"])
    return fields


@login_required
def body_create(request):
    require_can_add(request.user)
    form = BodyForm(
        request.POST or None, user=request.user, initial={"area_code": request.GET.get("area", "")}
    )
    if request.method == "POST" and form.is_valid():
        try:
            body = services.body_create(by=request.user, **_body_fields(form.cleaned_data))
        except ValidationError as error:
            show_service_error(form, error, Body)
        else:
            messages.success(request, _("The body was added."))
            return redirect("meetings:body_detail", pk=body.pk)
    return render(
        request,
        "meetings/form_page.html",
        {
            "nav_active": "meetings",
            "form": form,
            "title": _("Add a body"),
            "with_area_script": True,
            "cancel_url": reverse("meetings:body_list"),
        },
    )


@login_required
def body_update(request, pk: int):
    body = selectors.body_get_for_change(user=request.user, pk=pk)
    form = carry_version(BodyForm(request.POST or None, user=request.user, instance=body), body)
    if request.method == "POST" and form.is_valid():
        try:
            services.body_update(by=request.user, body=body, **_body_fields(form.cleaned_data))
        except ValidationError as error:
            show_service_error(form, error, Body)
        else:
            messages.success(request, _("The body was saved."))
            return redirect("meetings:body_detail", pk=body.pk)
    return render(
        request,
        "meetings/form_page.html",
        {
            "nav_active": "meetings",
            "form": form,
            "title": _("Edit %(name)s") % {"name": body},
            "with_area_script": True,
            "cancel_url": reverse("meetings:body_detail", args=[body.pk]),
        },
    )


@login_required
@require_POST
def membership_create(request, pk: int):
    body = selectors.body_get_for_change(user=request.user, pk=pk)
    form = MembershipForm(request.POST, user=request.user)
    if form.is_valid():
        try:
            services.membership_add(by=request.user, body=body, **form.cleaned_data)
        except ValidationError as error:
            show_service_error(form, error, Body)
        else:
            messages.success(request, _("The member was added."))
            return redirect("meetings:body_detail", pk=body.pk)
    return _render_body(request, body, member_form=form)


def _body_section(membership: Membership) -> str:
    return reverse("meetings:body_detail", args=[membership.body_id]) + "#members-heading"


def _membership_form(membership: Membership, data=None) -> MembershipTermsForm:
    return carry_version(
        MembershipTermsForm(data, initial=initial_from(membership, services.MEMBERSHIP_FIELDS)), membership
    )


def _membership_page(request, membership: Membership, form, refused=()):
    return edit_page(
        request,
        membership,
        form,
        key="membership",
        refused=refused,
        section="bodies",
        back=_body_section(membership),
        title=_("Edit the membership of %(who)s") % {"who": membership},
    )


@login_required
def membership_update(request, pk: int):
    membership = selectors.membership_get_for_change(user=request.user, pk=pk)
    form = _membership_form(membership, posted(request))
    if save_correction(
        form, membership, partial(services.membership_update, by=request.user, membership=membership)
    ):
        messages.success(request, _("The membership was saved."))
        return redirect(_body_section(membership))
    return _membership_page(request, membership, form)


@login_required
@require_POST
def membership_remove(request, pk: int):
    membership = selectors.membership_get_for_change(user=request.user, pk=pk)
    return remove_or_refuse(
        request,
        partial(services.membership_remove, by=request.user, membership=membership),
        removed=_("The membership was removed."),
        back=_body_section(membership),
        refused=lambda reasons: _membership_page(
            request, membership, _membership_form(membership), refused=reasons
        ),
    )
