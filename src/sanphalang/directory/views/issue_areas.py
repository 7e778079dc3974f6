"""Pages of issue areas: the national list and the provinces' own, and forms to add and edit them."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from sanphalang.web.forms import carry_version, show_service_error
from sanphalang.web.listing import Column, export_format, export_rows, paginate

from .. import selectors, services
from ..forms import IssueAreaForm, issue_area_province_choices
from ..models import IssueArea


def _list_name(issue) -> str:
    return issue.province.display_name if issue.province_id else _("National list")


COLUMNS = [
    Column("name", gettext_lazy("Name (Thai)"), lambda i: i.name_th, "sort_key"),
    Column("name_en", gettext_lazy("Name (English)"), lambda i: i.name_en, "name_en"),
    Column("province", gettext_lazy("List"), _list_name, "province_id"),
    Column("active", gettext_lazy("In use"), lambda i: _("yes") if i.is_active else _("no")),
]


@login_required
def issue_area_list(request):
    issues = selectors.issue_area_list(user=request.user, include_inactive=True)
    fmt = export_format(request)
    if fmt:
        return export_rows(issues, COLUMNS, fmt=fmt, filename="issue-areas")
    listing = paginate(issues, COLUMNS, request, default_sort="province")
    rows = [(issue, selectors.can_edit_issue_area(request.user, issue)) for issue in listing.page]
    return render(
        request,
        "directory/issue_area_list.html",
        {
            "nav_active": "issues",
            "listing": listing,
            "rows": rows,
            "can_add": request.user.can_write and bool(issue_area_province_choices(request.user)),
        },
    )


@login_required
def issue_area_create(request):
    selectors.require_issue_area_adder(request.user)
    form = IssueAreaForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        fields = dict(form.cleaned_data)
        fields["province_code"] = fields["province_code"] or None
        try:
            services.issue_area_create(by=request.user, **fields)
        except ValidationError as error:
            show_service_error(form, error, IssueArea)
        else:
            messages.success(request, _("The issue area was added."))
            return redirect("directory:issue_area_list")
    return render(
        request,
        "directory/issue_area_form.html",
        {"nav_active": "issues", "form": form, "title": _("Add an issue area")},
    )


@login_required
def issue_area_update(request, pk: int):
    issue = selectors.issue_area_get_for_change(user=request.user, pk=pk)
    form = carry_version(IssueAreaForm(request.POST or None, user=request.user, instance=issue), issue)
    if request.method == "POST" and form.is_valid():
        try:
            services.issue_area_update(by=request.user, issue_area=issue, **form.cleaned_data)
        except ValidationError as error:
            show_service_error(form, error, IssueArea)
        else:
            messages.success(request, _("The issue area was saved."))
            return redirect("directory:issue_area_list")
    return render(
        request,
        "directory/issue_area_form.html",
        {
            "nav_active": "issues",
            "form": form,
            "issue_area": issue,
            "title": _("Edit %(name)s") % {"name": issue},
        },
    )
