"""Pages of targets (indicators): a plan's targets, a target's page with its split over areas and the flag when
the split does not add up, the split editor, and the forms that add, change and delete targets."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from sanphalang.meetings.views.editing import posted, save_correction
from sanphalang.web.forms import apply_validation_error, carry_version, show_service_error
from sanphalang.web.listing import export_format, export_rows

from ..access import can_change_plan
from ..forms.targets import IndicatorForm, SplitForm
from ..importers import PLAN_TARGET_SPLITS, PLAN_TARGETS, import_url
from ..models import Indicator
from ..selectors import targets as selectors
from ..selectors.plans import plan_get, plan_get_for_change
from ..selectors.projects import project_list
from ..services import targets as services
from ..services.targets import split_check
from .editing import form_page

REMOVE_INDICATOR = gettext_lazy("Delete this target with its split and its progress not yet approved?")


@login_required
def indicator_list(request, pk: int):
    """A plan's targets; exported (?export=xlsx), as the targets' import file or, with ?what=splits, the file of
    their split over areas."""
    plan = plan_get(user=request.user, pk=pk)
    indicators = selectors.indicator_list(user=request.user, plan=plan)
    fmt = export_format(request)
    if fmt and request.GET.get("what") == "splits":
        splits = selectors.plan_target_splits(user=request.user, plan=plan)
        return export_rows(splits, PLAN_TARGET_SPLITS.export_columns(), fmt=fmt, filename="target-splits")
    if fmt:
        return export_rows(indicators, PLAN_TARGETS.export_columns(), fmt=fmt, filename="targets")
    return render(
        request,
        "plans/indicator_list.html",
        {
            "nav_active": "plans",
            "plan": plan,
            "indicators": indicators,
            "can_add": can_change_plan(request.user, plan),
            "import_targets_url": import_url(PLAN_TARGETS, plan),
            "import_splits_url": import_url(PLAN_TARGET_SPLITS, plan),
        },
    )


def _indicator_fields(cleaned: dict) -> dict:
    return {name: value for name, value in cleaned.items() if name != "version"}


def _indicator_form(request, plan, data=None, instance=None, initial=None):
    projects = project_list(user=request.user, plan=plan).select_related(None)
    return IndicatorForm(data, plan=plan, projects=projects, instance=instance, initial=initial or {})


def _project_asked(request, plan) -> dict:
    """The project a new target starts under when it is added from the project's page (?project=pk)."""
    asked = request.GET.get("project", "")
    projects = project_list(user=request.user, plan=plan).select_related(None)
    if asked.isdigit() and projects.filter(pk=int(asked)).exists():
        return {"project": int(asked)}
    return {}


@login_required
def indicator_create(request, pk: int):
    plan = plan_get_for_change(user=request.user, pk=pk)
    form = _indicator_form(request, plan, posted(request), initial=_project_asked(request, plan))
    if form.is_bound and form.is_valid():
        try:
            indicator = services.indicator_create(by=request.user, plan=plan, **form.cleaned_data)
        except ValidationError as error:
            show_service_error(form, error, Indicator)
        else:
            messages.success(request, _("The target was added."))
            return redirect("plans:indicator_detail", pk=indicator.pk)
    return form_page(
        request,
        form,
        title=_("Add a target to %(plan)s") % {"plan": plan},
        back=reverse("plans:indicator_list", args=[plan.pk]),
    )


@login_required
def indicator_detail(request, pk: int):
    indicator = selectors.indicator_get(user=request.user, pk=pk)
    return render(
        request,
        "plans/indicator_detail.html",
        {
            "nav_active": "plans",
            "indicator": indicator,
            "plan": indicator.plan,
            "table": selectors.indicator_splits(user=request.user, indicator=indicator),
            "can_edit": can_change_plan(request.user, indicator.plan),
        },
    )


def _edit_page(request, indicator, form, refused=()):
    return form_page(
        request,
        form,
        title=_("Edit %(name)s") % {"name": indicator},
        confirm=REMOVE_INDICATOR,
        back=reverse("plans:indicator_detail", args=[indicator.pk]),
        remove_url=reverse("plans:indicator_delete", args=[indicator.pk]),
        refused=refused,
    )


@login_required
def indicator_update(request, pk: int):
    indicator = selectors.indicator_get_for_change(user=request.user, pk=pk)
    form = carry_version(
        _indicator_form(request, indicator.plan, posted(request), instance=indicator), indicator
    )
    if save_correction(
        form,
        indicator,
        lambda **cleaned: services.indicator_update(
            by=request.user, indicator=indicator, version=cleaned.get("version"), **_indicator_fields(cleaned)
        ),
    ):
        messages.success(request, _("The target was saved."))
        return redirect("plans:indicator_detail", pk=indicator.pk)
    return _edit_page(request, indicator, form)


@login_required
@require_POST
def indicator_delete(request, pk: int):
    indicator = selectors.indicator_get_for_change(user=request.user, pk=pk)
    try:
        services.indicator_delete(by=request.user, indicator=indicator)
    except ValidationError as error:
        form = carry_version(_indicator_form(request, indicator.plan, instance=indicator), indicator)
        return _edit_page(request, indicator, form, refused=error.messages)
    messages.success(request, _("The target was deleted."))
    return redirect("plans:indicator_list", pk=indicator.plan_id)


@login_required
def target_split_edit(request, pk: int):
    """The split editor: one number per area, the total, and whether it adds up to the target."""
    indicator = selectors.indicator_get_for_change(user=request.user, pk=pk)
    table = selectors.indicator_splits(user=request.user, indicator=indicator)
    saved = {row.area.code: row.split.target for row in table.rows}
    areas = selectors.split_editor_areas(user=request.user, indicator=indicator)
    form = carry_version(SplitForm(posted(request), areas=areas, splits=saved), indicator)
    check = table.check
    if form.is_bound and form.is_valid():
        splits = form.splits()
        try:
            services.target_splits_set(
                by=request.user, indicator=indicator, splits=splits, version=form.cleaned_data.get("version")
            )
        except ValidationError as error:
            apply_validation_error(form, error)
            indicator.refresh_from_db()
        else:
            messages.success(request, _("The split was saved."))
            return redirect("plans:indicator_detail", pk=indicator.pk)
        names = {area.code: area.display_name for area in areas}
        check = split_check(
            indicator, {code: value for code, value in splits.items() if value is not None}, names
        )
    return render(
        request,
        "plans/indicator_split.html",
        {
            "nav_active": "plans",
            "indicator": indicator,
            "form": form,
            "check": check,
            "cancel_url": reverse("plans:indicator_detail", args=[indicator.pk]),
        },
        status=400 if form.errors else 200,
    )
