"""Pages of projects: a plan's project list (exported to Excel as its import file), a project's page with its budget by source and its
targets, and the forms that add, change and remove projects and budget lines."""

from functools import partial

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from sanphalang.areas.scoping import require_writer
from sanphalang.meetings.views.editing import posted, save_correction
from sanphalang.web.areas import area_label
from sanphalang.web.forms import carry_version, show_service_error
from sanphalang.web.listing import Column, export_format, export_rows, paginate

from ..access import can_change_plan, can_change_project
from ..forms.projects import BudgetLineForm, ProjectForm
from ..importers import PLAN_PROJECTS, import_url
from ..models import BudgetLine, Project
from ..selectors import projects as selectors
from ..selectors.plans import plan_get
from ..services import projects as services
from .editing import form_page

LIST_COLUMNS = [
    Column("name", gettext_lazy("Name of the project"), lambda p: p.name, "name"),
    Column("owner", gettext_lazy("Owner"), lambda p: p.owner or "", "owner__name_th"),
    Column("area", gettext_lazy("Area"), lambda p: area_label(p.area), "area_id"),
    Column("status", gettext_lazy("Status"), lambda p: p.get_status_display(), "status"),
    Column("starts_on", gettext_lazy("Starts on"), lambda p: p.starts_on, "starts_on"),
]
REMOVE_PROJECT = gettext_lazy("Delete this project with its budget lines and its targets?")
REMOVE_BUDGET_LINE = gettext_lazy("Remove this budget line?")


@login_required
def project_list(request, pk: int):
    plan = plan_get(user=request.user, pk=pk)
    projects = selectors.project_list(user=request.user, plan=plan, search=request.GET.get("q", "").strip())
    fmt = export_format(request)
    if fmt:
        # The import's columns: the file can be edited and imported back into the plan.
        return export_rows(
            PLAN_PROJECTS.export_records(projects.prefetch_related("budget_lines")),
            PLAN_PROJECTS.export_columns(),
            fmt=fmt,
            filename="projects",
        )
    return render(
        request,
        "plans/project_list.html",
        {
            "nav_active": "plans",
            "plan": plan,
            "listing": paginate(projects, LIST_COLUMNS, request, default_sort="name"),
            "totals": selectors.budget_totals(user=request.user, plan=plan),
            "can_add": can_change_plan(request.user, plan),
            "import_url": import_url(PLAN_PROJECTS, plan),
        },
    )


def _project_fields(cleaned: dict) -> dict:
    fields = dict(cleaned)
    fields.pop("version", None)
    for name in ("partners", "issue_areas"):
        fields[name] = list(fields[name])
    return fields


@login_required
def project_create(request, pk: int):
    plan = plan_get(user=request.user, pk=pk)
    require_writer(request.user)
    form = ProjectForm(posted(request), user=request.user, plan=plan)
    if form.is_bound and form.is_valid():
        try:
            project = services.project_create(
                by=request.user, plan=plan, **_project_fields(form.cleaned_data)
            )
        except ValidationError as error:
            show_service_error(form, error, Project)
        else:
            messages.success(request, _("The project was added."))
            return redirect("plans:project_detail", pk=project.pk)
    return form_page(
        request,
        form,
        title=_("Add a project to %(plan)s") % {"plan": plan},
        back=reverse("plans:project_list", args=[plan.pk]),
    )


def _render_project(request, project, *, budget_form=None):
    can_edit = can_change_project(request.user, project)
    if can_edit and budget_form is None:
        budget_form = BudgetLineForm(user=request.user, prefix="budget")
    return render(
        request,
        "plans/project_detail.html",
        {
            "nav_active": "plans",
            "project": project,
            "can_edit": can_edit,
            "can_add_target": project.plan_id is not None and can_change_plan(request.user, project.plan),
            "budget_form": budget_form,
            "totals": selectors.budget_totals(user=request.user, project=project),
            "confirm_line": REMOVE_BUDGET_LINE,
        },
        status=400 if budget_form is not None and budget_form.errors else 200,
    )


@login_required
def project_detail(request, pk: int):
    return _render_project(request, selectors.project_get(user=request.user, pk=pk))


@login_required
def project_update(request, pk: int):
    project = selectors.project_get_for_change(user=request.user, pk=pk)
    form = carry_version(
        ProjectForm(posted(request), user=request.user, plan=project.plan, instance=project), project
    )
    if save_correction(
        form,
        project,
        lambda **cleaned: services.project_update(
            by=request.user, project=project, version=cleaned.get("version"), **_project_fields(cleaned)
        ),
    ):
        messages.success(request, _("The project was saved."))
        return redirect("plans:project_detail", pk=project.pk)
    return _project_edit_page(request, project, form)


def _project_edit_page(request, project, form, refused=()):
    return form_page(
        request,
        form,
        title=_("Edit %(name)s") % {"name": project},
        back=reverse("plans:project_detail", args=[project.pk]),
        remove_url=reverse("plans:project_delete", args=[project.pk]),
        confirm=REMOVE_PROJECT,
        refused=refused,
    )


@login_required
@require_POST
def project_delete(request, pk: int):
    project = selectors.project_get_for_change(user=request.user, pk=pk)
    back = reverse("plans:project_list", args=[project.plan_id]) if project.plan_id else reverse("web:home")
    try:
        services.project_delete(by=request.user, project=project)
    except ValidationError as error:
        form = carry_version(ProjectForm(user=request.user, plan=project.plan, instance=project), project)
        return _project_edit_page(request, project, form, refused=error.messages)
    messages.success(request, _("The project was deleted."))
    return redirect(back)


# ---- budget lines


@login_required
@require_POST
def budget_line_create(request, pk: int):
    project = selectors.project_get_for_change(user=request.user, pk=pk)
    form = BudgetLineForm(request.POST, user=request.user, prefix="budget")
    if form.is_valid():
        try:
            services.budget_line_add(by=request.user, project=project, **form.cleaned_data)
        except ValidationError as error:
            show_service_error(form, error, BudgetLine)
        else:
            messages.success(request, _("The budget line was added."))
            return redirect(_budget_section(project.pk))
    return _render_project(request, project, budget_form=form)


def _budget_section(project_pk: int) -> str:
    return reverse("plans:project_detail", args=[project_pk]) + "#budget-heading"


def _line_form(request, line, data=None):
    initial = {name: getattr(line, name) for name in services.BUDGET_LINE_FIELDS}
    return carry_version(BudgetLineForm(data, user=request.user, initial=initial), line)


def _line_page(request, line, form, refused=()):
    return form_page(
        request,
        form,
        title=_("Edit the budget line of %(project)s") % {"project": line.project},
        back=_budget_section(line.project_id),
        remove_url=reverse("plans:budget_line_remove", args=[line.pk]),
        confirm=REMOVE_BUDGET_LINE,
        refused=refused,
    )


@login_required
def budget_line_update(request, pk: int):
    line = selectors.budget_line_get_for_change(user=request.user, pk=pk)
    form = _line_form(request, line, posted(request))
    if save_correction(form, line, partial(services.budget_line_update, by=request.user, line=line)):
        messages.success(request, _("The budget line was saved."))
        return redirect(_budget_section(line.project_id))
    return _line_page(request, line, form)


@login_required
@require_POST
def budget_line_remove(request, pk: int):
    line = selectors.budget_line_get_for_change(user=request.user, pk=pk)
    try:
        services.budget_line_remove(by=request.user, line=line)
    except ValidationError as error:
        return _line_page(request, line, _line_form(request, line), refused=error.messages)
    messages.success(request, _("The budget line was removed."))
    return redirect(_budget_section(line.project_id))
