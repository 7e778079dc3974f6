"""Pages of households and their members: the search (posted, so that no name or ID sits in a URL), registering a
household with its members (and comparing it with a household that may be the same), a household's page, its edit
pages, and the counts that every role of an area sees."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from sanphalang.accounts.audit import log_reads
from sanphalang.areas.selectors import area_get
from sanphalang.meetings.views.editing import posted, save_correction
from sanphalang.thai.national_id import NationalIdError, mask_national_id, normalise_national_id
from sanphalang.web.areas import area_label
from sanphalang.web.forms import carry_version, show_refusal, show_service_error

from ..access import allowed, require_care_write, require_care_writer, sees_people
from ..forms.households import HouseholdForm, HouseholdSearchForm, MemberForm, MemberFormSet, OverrideForm
from ..models import Household, Member, Relationship, Sex
from ..selectors import households as selectors
from ..selectors.cases import case_list
from ..selectors.shown import household_shown, member_shown
from ..services import households as services
from ..services.households import PossibleDuplicate, this_year_be

SEARCH_PAGE_SIZE = 50
REMOVE_MEMBER = gettext_lazy("Remove this member from the household?")
NAV = "care"


def _page(request, template: str, context: dict, *, status: int = 200):
    return render(request, f"care/households/{template}", {"nav_active": NAV, **context}, status=status)


@login_required
def household_search(request):
    """Search by name, national ID, house number or address. The form posts; a GET ?q= of a name works too, but
    an ID in a URL is refused (it would sit in the browser's history and the server's logs)."""
    if not sees_people(request.user):
        return redirect("care:household_counts")
    data = request.POST if request.method == "POST" else (request.GET if "q" in request.GET else None)
    form = HouseholdSearchForm(data)
    context = {"form": form, "results": None, "page": None, "id_in_address": False}
    if form.is_bound and form.is_valid() and form.cleaned_data["q"].strip():
        query = form.cleaned_data["q"].strip()
        if request.method != "POST" and selectors.national_id_digits(query):
            context["id_in_address"] = True
        else:
            members = selectors.household_search(user=request.user, query=query)
            page = Paginator(members, SEARCH_PAGE_SIZE).get_page(form.cleaned_data.get("page") or 1)
            log_reads(request.user, page.object_list, detail="search")
            context["page"] = page
            context["results"] = [
                (
                    member_shown(user=request.user, member=member),
                    household_shown(user=request.user, household=member.household),
                    area_label(member.household.area),
                )
                for member in page.object_list
            ]
    context["can_register"] = allowed(require_care_writer, request.user)
    return _page(request, "search.html", context)


def _values(form) -> dict:
    """What a bound form was sent, unchecked: to show the form again with one more row."""
    return {name: form[name].value() for name in form.fields}


def _with_another_row(household_form, formset, override_form):
    rows = [_values(form) for form in formset.forms]
    return (
        HouseholdForm(initial=_values(household_form)),
        MemberFormSet(initial=rows, prefix="members"),
        OverrideForm(initial=_values(override_form)),
    )


def _show_register_errors(error: ValidationError, household_form, filled, override_form) -> None:
    rest = {}
    for key, messages_ in getattr(error, "message_dict", {None: error.messages}).items():
        parts = (key or "").split(".")
        if parts[0] == "members" and len(parts) == 3 and parts[1].isdigit() and int(parts[1]) < len(filled):
            form = filled[int(parts[1])]
            for message in messages_:
                form.add_error(parts[2] if parts[2] in form.fields else None, message)
        elif key == "override_reason":
            for message in messages_:
                override_form.add_error("override_reason", message)
        elif key == "members":
            for message in messages_:
                household_form.add_error(None, message)
        else:
            rest[key or "__all__"] = messages_
    if rest:
        show_service_error(household_form, ValidationError(rest), Household)


def _entered(household_form, filled) -> dict:
    """The household as typed, for the comparison with those found: the ID masked."""
    code = household_form.cleaned_data.get("area_code", "")
    try:
        area = area_label(area_get(code=code))
    except Http404:  # an unknown code: the service says so at its field; shown as typed
        area = code
    members = []
    relationships, sexes = dict(Relationship.choices), dict(Sex.choices)
    for form in filled:
        data = form.cleaned_data
        try:
            national_id = mask_national_id(normalise_national_id(data.get("national_id") or ""))
        except NationalIdError:
            national_id = ""
        year = data.get("birth_year_be")
        members.append(
            {
                "name": " ".join(
                    p for p in (data.get("title", "") + data["first_name"], data["last_name"]) if p
                ),
                "relationship": relationships.get(data["relationship"], ""),
                "sex": sexes.get(data["sex"], ""),
                "age": this_year_be() - year if year else None,
                "national_id": national_id,
            }
        )
    return {
        "area": area,
        "house_number": household_form.cleaned_data.get("house_number"),
        "address": household_form.cleaned_data.get("address"),
        "members": members,
    }


def _compared(user, candidates: list[Household]) -> list[dict]:
    return [
        {
            "household": household_shown(user=user, household=household),
            "area": area_label(household.area),
            "members": [member_shown(user=user, member=member) for member in household.members.all()],
        }
        for household in candidates
    ]


@login_required
def household_register(request):
    require_care_writer(request.user)
    data = posted(request)
    household_form = HouseholdForm(data)
    formset = MemberFormSet(data, prefix="members")
    override_form = OverrideForm(data)
    comparison = None
    if data is not None and "add_row" in data:
        household_form, formset, override_form = _with_another_row(household_form, formset, override_form)
    elif data is not None and all(f.is_valid() for f in (household_form, formset, override_form)):
        filled = [form for form in formset.forms if form.has_changed()]
        try:
            household = services.household_register(
                by=request.user,
                members=formset.members(),
                override_reason=override_form.cleaned_data["override_reason"],
                **household_form.cleaned_data,
            )
        except PossibleDuplicate as duplicate:
            comparison = {
                "entered": _entered(household_form, filled),
                "candidates": _compared(request.user, duplicate.candidates),
            }
            log_reads(request.user, duplicate.candidates, detail="possible duplicate")
        except ValidationError as error:
            _show_register_errors(error, household_form, filled, override_form)
        else:
            messages.success(request, _("The household was registered."))
            return redirect("care:household_detail", pk=household.pk)
    invalid = household_form.errors or formset.total_error_count() or override_form.errors
    return _page(
        request,
        "register.html",
        {
            "household_form": household_form,
            "formset": formset,
            "override_form": override_form,
            "comparison": comparison,
        },
        status=400 if data is not None and "add_row" not in data and (invalid or comparison) else 200,
    )


@login_required
def household_detail(request, pk: int):
    household = selectors.household_get(user=request.user, pk=pk)
    can_edit = allowed(require_care_write, request.user, household.area_id)
    return _page(
        request,
        "detail.html",
        {
            "household": household_shown(user=request.user, household=household),
            "record": household,
            "area": area_label(household.area),
            "members": [member_shown(user=request.user, member=member) for member in household.members.all()],
            "can_edit": can_edit,
            "cases": case_list(user=request.user, household=household.pk)[:50],
            "is_administrator": request.user.is_administrator,
        },
    )


def _form_page(request, form, *, title: str, back: str, remove_url=None):
    """An edit page, as every app's record has it (plans/change_form.html)."""
    return render(
        request,
        "plans/change_form.html",
        {
            "nav_active": NAV,
            "form": form,
            "title": title,
            "cancel_url": back,
            "remove_url": remove_url,
            "confirm": REMOVE_MEMBER,
        },
        status=400 if form.errors else 200,
    )


@login_required
def household_edit(request, pk: int):
    household = selectors.household_get_for_change(user=request.user, pk=pk)
    form = carry_version(HouseholdForm(posted(request), instance=household), household)
    if save_correction(
        form,
        household,
        lambda **cleaned: services.household_update(by=request.user, household=household, **cleaned),
    ):
        messages.success(request, _("The household was saved."))
        return redirect("care:household_detail", pk=household.pk)
    return _form_page(
        request,
        form,
        title=_("Edit household #%(number)s") % {"number": household.pk},
        back=reverse("care:household_detail", args=[household.pk]),
    )


@login_required
def member_add(request, pk: int):
    household = selectors.household_get_for_change(user=request.user, pk=pk)
    form = MemberForm(posted(request))
    if form.is_bound and form.is_valid():
        try:
            services.member_add(by=request.user, household=household, **form.member_fields())
        except ValidationError as error:
            show_service_error(form, error, Member)
        else:
            messages.success(request, _("The member was added."))
            return redirect("care:household_detail", pk=household.pk)
    return _form_page(
        request,
        form,
        title=_("Add a member to household #%(number)s") % {"number": household.pk},
        back=reverse("care:household_detail", args=[household.pk]),
    )


@login_required
def member_edit(request, pk: int):
    member = selectors.member_get_for_change(user=request.user, pk=pk)
    form = carry_version(MemberForm(posted(request), instance=member), member)
    if save_correction(
        form,
        member,
        lambda **cleaned: services.member_update(
            by=request.user,
            member=member,
            version=cleaned.get("version"),
            **form.member_fields(keep_national_id=True),
        ),
    ):
        messages.success(request, _("The member was saved."))
        return redirect("care:household_detail", pk=member.household_id)
    return _form_page(
        request,
        form,
        title=_("Edit a member of household #%(number)s") % {"number": member.household_id},
        back=reverse("care:household_detail", args=[member.household_id]),
        remove_url=reverse("care:member_remove", args=[member.pk]),
    )


@login_required
@require_POST
def member_remove(request, pk: int):
    member = selectors.member_get_for_change(user=request.user, pk=pk)
    try:
        services.member_remove(by=request.user, member=member)
    except ValidationError as error:
        show_refusal(request, error)
    else:
        messages.success(request, _("The member was removed."))
    return redirect("care:household_detail", pk=member.household_id)


@login_required
def household_counts(request):
    return _page(request, "counts.html", {"counts": selectors.household_counts(user=request.user)})
