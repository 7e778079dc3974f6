"""Every route the product answers, read from Django's URL resolver and from the API's OpenAPI document, and how
to fill each one's parameters with a record of a given area.

A route with a parameter this module cannot fill makes the access tests fail: add it to WEB_PARAMETERS or
API_PARAMETERS (or to PUBLIC_ROUTES with the reason it needs no protection).
"""

import re
from dataclasses import dataclass, field
from functools import cache

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.urls import URLPattern, URLResolver, get_resolver

from .records import FIGURES_YEAR_BE, PROGRESS_PERIOD, AreaRecords

# Routes anyone may open, even without logging in. The tests still check that they show no record of another
# area and accept no write; they only do not ask for the anonymous visitor to be turned away.
PUBLIC_ROUTES = {
    "accounts/login/": "the login page",
    "accounts/logout/": "logging out only ends one's own session",
    "i18n/setlang/": "choosing the language of one's own pages",
    "jsi18n/": "the translation catalogue for the pages' scripts",
    "admin/login/": "the admin's login page",
    "admin/logout/": "logging out of the admin only ends one's own session",
    "api/": "the API's root answers with a JSON error, not data",
    "api/openapi.json": "the API's description, for its clients",
    "api/docs": "the API's documentation page",
    "api/<path:unknown>": "an unknown API address answers with a JSON error",
    "import/template/<str:entity>.<str:fmt>": "an empty import file with the headings, no records",
    "reports/charts-<str:version>.js": "the chart library's script, no records",
}

# A parameter's filling: the kind of record whose pk it takes; "kind.attr" for another attribute of it;
# "=value" for a literal; "subdistrict_code" for the records' subdistrict.
WEB_PARAMETERS = {
    "accounts:token_revoke": {"pk": "api_token"},
    "areas:region_detail": {"slug": "region.slug"},
    "reports:chart_library": {"version": "=1"},
    "reports:dashboard": {"code": "subdistrict_code"},
    "reports:dashboard_export": {"code": "subdistrict_code"},
    "reports:chart_export": {"code": "subdistrict_code", "chart": "=meetings_held", "fmt": "=svg"},
    "areas:region_edit": {"slug": "region.slug"},
    "areas:detail": {"code": "subdistrict_code"},
    "areas:village_add": {"code": "subdistrict_code"},
    "directory:organisation_autocomplete_kind": {"kind": "=community_organisation"},
    **{
        f"directory:organisation_{view}": {"pk": "organisation"}
        for view in ("detail", "update", "delete", "history")
    },
    **{f"directory:person_{view}": {"pk": "person"} for view in ("detail", "update", "erase", "history")},
    "directory:position_create": {"pk": "person"},
    "directory:position_end": {"pk": "person", "position_pk": "position"},
    "directory:position_delete": {"pk": "person", "position_pk": "position"},
    "directory:issue_area_update": {"pk": "issue_area"},
    "imports:preview": {"pk": "import_batch"},
    **{
        f"reports:quarterly_{view}": {"pk": "quarterly_report"}
        for view in ("detail", "edit", "build", "issue")
    },
    "reports:quarterly_draft_download": {"pk": "quarterly_report", "fmt": "=pdf"},
    "reports:quarterly_download": {"pk": "quarterly_report", "number": "=1", "fmt": "=pdf"},
    "imports:confirm": {"pk": "import_batch"},
    **{
        f"ingest:document_{view}": {"pk": "source_document"}
        for view in ("detail", "accept", "discard", "file")
    },
    "imports:template": {"entity": "=people", "fmt": "=csv"},
    **{f"jobs:{view}": {"pk": "job"} for view in ("detail", "status", "retry")},
    **{
        f"meetings:{view}": {"pk": "meeting"}
        for view in (
            "meeting_detail",
            "meeting_update",
            "meeting_minutes",
            "agenda_item_create",
            "invitation_create",
            "attendance_create",
            "attendance_roster",
            "attendance_paste",
            "attendance_paste_confirm",
            "resolution_create",
            "meeting_attachment_create",
            "minutes_pdf",
            "minutes_docx",
            "agenda_pdf",
            "agenda_docx",
        )
    },
    "meetings:action_item_create": {"pk": "meeting", "resolution_pk": "resolution"},
    "meetings:attachment_download": {"pk": "attachment"},
    **{
        f"meetings:{view}": {"pk": "body"}
        for view in ("body_detail", "body_update", "membership_create", "body_calendar")
    },
    "meetings:action_item_detail": {"pk": "action_item"},
    **{
        f"meetings:{view}": {"pk": "letter"}
        for view in ("letter_detail", "letter_update", "letter_attachment_create")
    },
    **{
        f"meetings:{kind}_{change}": {"pk": kind}
        for kind in ("agenda_item", "attendance", "resolution", "action_item", "membership", "invitation")
        for change in ("update", "remove")
    },
    "meetings:attachment_remove": {"pk": "attachment"},
    **{
        f"welfare:{view}": {"pk": "fund"}
        for view in ("fund_detail", "fund_update", "fund_settle", "fund_year_add", "fund_entry_link")
    },
    "welfare:fund_year_edit": {"pk": "fund", "year_be": f"={FIGURES_YEAR_BE}"},
    "welfare:fund_year_delete": {"pk": "fund", "year_be": f"={FIGURES_YEAR_BE}"},
    "welfare:source_upload": {"pk": "source_upload"},
    "welfare:review_decide": {"pk": "source_record"},
    **{f"welfare:audit_round_{view}": {"pk": "audit_round"} for view in ("detail", "edit", "plan")},
    "welfare:audit_fund_options": {"pk": "audit_round"},
    **{
        f"welfare:audit_visit_{view}": {"pk": "audit_visit"}
        for view in ("detail", "record", "edit", "remove")
    },
    "welfare:audit_finding_add": {"pk": "audit_visit"},
    "welfare:audit_finding_close": {"pk": "finding"},
    "welfare:audit_finding_settle": {"pk": "finding"},
    **{
        f"plans:{view}": {"pk": "plan"}
        for view in ("project_list", "project_create", "indicator_list", "indicator_create")
    },
    **{f"plans:project_{view}": {"pk": "project"} for view in ("detail", "update", "delete")},
    "plans:budget_line_create": {"pk": "project"},
    **{f"plans:budget_line_{view}": {"pk": "budget_line"} for view in ("update", "remove")},
    **{f"plans:indicator_{view}": {"pk": "indicator"} for view in ("detail", "update", "delete")},
    "plans:target_split_edit": {"pk": "indicator"},
    **{f"plans:{view}": {"pk": "indicator"} for view in ("indicator_progress", "entry_create")},
    **{
        f"plans:entry_{view}": {"pk": "progress_entry"}
        for view in ("edit", "delete", "evidence", "approve", "return")
    },
    "plans:approvals": {"pk": "plan"},
    "plans:province_page": {"code": "plan.area_id"},
    "plans:area_page": {"code": "project.area_id"},
    "plans:region_page": {"slug": "region.slug"},
    # boundaries and comparisons
    **{f"reports:boundary_{view}": {"pk": "=1"} for view in ("upload", "confirm")},
    "reports:comparison": {"region": "region.slug"},
    **{f"plans:period_{view}": {"pk": "plan", "period": "=2021-10-01"} for view in ("approve", "reopen")},
    **{f"plans:plan_{view}": {"pk": "plan"} for view in ("detail", "update", "delete", "history")},
    "plans:main_work_create": {"pk": "plan"},
    **{f"plans:main_work_{view}": {"pk": "main_work"} for view in ("update", "remove")},
    **{
        f"plans:{view}": {"pk": "agreement"}
        for view in (
            "agreement_detail",
            "agreement_update",
            "agreement_delete",
            "party_create",
            "signatory_create",
            "document_create",
        )
    },
    **{f"plans:party_{view}": {"pk": "agreement_party"} for view in ("update", "remove")},
    **{f"plans:signatory_{view}": {"pk": "signatory"} for view in ("update", "remove")},
    **{f"plans:document_{view}": {"pk": "agreement_document"} for view in ("download", "remove")},
    **{
        f"plans:{kind}_{view}": {"pk": kind}
        for kind in ("charter", "registration")
        for view in ("detail", "update", "delete", "stage_record")
    },
    "plans:charter_stage_remove": {"pk": "stage_event"},
    "plans:charter_document": {"pk": "stage_event"},
    "plans:registration_stage_remove": {"pk": "registration_stage_event"},
    "plans:registration_document": {"pk": "registration_stage_event"},
    **{f"care:household_{view}": {"pk": "household"} for view in ("access_log", "export", "anonymise")},
    **{f"care:risk_area_{view}": {"pk": "risk_area"} for view in ("detail", "update", "delete")},
    **{
        f"care:{view}": {"pk": "incident"}
        for view in ("incident_detail", "incident_update", "affected_create")
    },
    "care:affected_remove": {"pk": "affected_household"},
    "care:status_case_create": {"member_pk": "member"},
    **{
        f"care:{view}": {"pk": "status_case"}
        for view in (
            "status_case_detail",
            "status_case_update",
            "status_step_create",
            "status_document_create",
        )
    },
    **{f"care:status_document_{view}": {"pk": "status_document"} for view in ("download", "remove")},
    **{f"care:housing_{view}": {"pk": "housing_work"} for view in ("detail", "update", "move")},
    **{f"care:household_{view}": {"pk": "household"} for view in ("detail", "edit")},
    "care:member_add": {"pk": "household"},
    **{f"care:member_{view}": {"pk": "member"} for view in ("edit", "remove")},
    "care:case_open": {"pk": "household"},
    **{
        f"care:{view}": {"pk": "case"}
        for view in (
            "case_detail",
            "assessment_create",
            "help_create",
            "referral_create",
            "follow_up_create",
            "plan_submit",
            "plan_decide",
            "close_request",
            "close_decide",
            "case_reopen",
        )
    },
    **{f"care:referral_{view}": {"pk": "referral"} for view in ("answer", "revoke")},
    "care:follow_up_done": {"pk": "follow_up"},
    **{
        f"care:fund_{view}": {"pk": "social_fund"}
        for view in ("detail", "update", "ledger", "report", "donation_record", "grant_record")
    },
    "care:fund_entry_reverse": {"pk": "ledger_entry"},
    "care:fund_request_create": {"pk": "case"},
    **{
        f"care:fund_request_{view}": {"pk": "fund_request"}
        for view in ("detail", "decide", "pay", "withdraw")
    },
    "api:unknown_route": {"unknown": "=no/such/route"},
}

# API path parameters, by name; API_PATH_PARAMETERS first, for a name that means different records on different
# paths.
API_PARAMETERS = {
    "code": "subdistrict_code",
    "report_id": "quarterly_report",
    "number": "=1",
    "region_id": "region",
    "organisation_id": "organisation",
    "person_id": "person",
    "position_id": "position",
    "issue_area_id": "issue_area",
    "body_id": "body",
    "meeting_id": "meeting",
    "attendance_id": "attendance",
    "resolution_id": "resolution",
    "letter_id": "letter",
    "fund_id": "fund",
    "year_be": f"={FIGURES_YEAR_BE}",
    "record_id": "source_record",
    "round_id": "audit_round",
    "plan_id": "plan",
    "project_id": "project",
    "line_id": "budget_line",
    "indicator_id": "indicator",
    "main_work_id": "main_work",
    "agreement_id": "agreement",
    "party_id": "agreement_party",
    "signatory_id": "signatory",
    "charter_id": "charter",
    "registration_id": "registration",
    "target_id": "indicator",
    "entry_id": "progress_entry",
    "period": f"={PROGRESS_PERIOD.isoformat()}",
    "province_code": "plan.area_id",
    "slug": "region.slug",
    "household_id": "household",
    "risk_area_id": "risk_area",
    "incident_id": "incident",
    "affected_id": "affected_household",
    "status_case_id": "status_case",
    "housing_id": "housing_work",
    "member_id": "member",
    "case_id": "case",
    "referral_id": "referral",
    "follow_up_id": "follow_up",
    "document_id": "source_document",
    "social_fund_id": "social_fund",
    "fund_request_id": "fund_request",
    "ledger_entry_id": "ledger_entry",
    # reports
    "key": "=incidents",
    "region": "region.slug",
}
API_PATH_PARAMETERS = {
    ("/api/meetings/{meeting_id}/agenda-items/{item_id}", "item_id"): "agenda_item",
    ("/api/action-items/{item_id}", "item_id"): "action_item",
    ("/api/action-items/{item_id}/status", "item_id"): "action_item",
    ("/api/action-items/{item_id}/progress", "item_id"): "action_item",
    ("/api/plans/charters/{charter_id}/events/{event_id}", "event_id"): "stage_event",
    ("/api/plans/registrations/{registration_id}/events/{event_id}", "event_id"): "registration_stage_event",
}

# The admin's routes name their model in the path; their parameters are filled from that model.
ADMIN_PATH = re.compile(r"^admin/(?P<app_label>\w+)/(?P<model_name>\w+)/")
PARAMETER = re.compile(r"<(?:(?P<converter>\w+):)?(?P<name>\w+)>|\(\?P<(?P<group>\w+)>[^)]*\)")


@dataclass(frozen=True)
class Route:
    kind: str  # "web" or "api"
    route: str  # as written in the URL configuration, or the OpenAPI path
    name: str  # the URL name, or the API operation id
    methods: tuple[str, ...]
    parameters: tuple[str, ...] = field(default=())

    @property
    def is_public(self) -> bool:
        return self.route in PUBLIC_ROUTES

    @property
    def is_admin(self) -> bool:
        return self.route.startswith("admin/")


def _walk(patterns, prefix="", namespaces=()):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            extra = (pattern.namespace,) if pattern.namespace else ()
            yield from _walk(pattern.url_patterns, prefix + str(pattern.pattern), namespaces + extra)
        elif isinstance(pattern, URLPattern):
            name = ":".join(namespaces + (pattern.name,)) if pattern.name else ""
            yield prefix + str(pattern.pattern), name


def _clean(route: str) -> str:
    """Regular-expression routes (the admin's app index) read like path routes once their anchors are gone."""
    return route.replace("^", "").replace("$", "").replace("\\Z", "")


@cache
def openapi_document() -> dict:
    """Built once: building it takes a second."""
    from sanphalang.api.router import api

    return api.get_openapi_schema()


def api_operations() -> dict[str, dict]:
    return openapi_document()["paths"]


def _api_route(route: str) -> str:
    """The OpenAPI path of an API URL pattern, to leave the API's operations to the API's walk."""
    return "/" + re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", route)


def web_routes() -> list[Route]:
    """Every URL pattern but the API operations, which api_routes covers with their methods."""
    operations = api_operations()
    routes, seen = [], set()
    for route, name in _walk(get_resolver().url_patterns):
        route = _clean(route)
        if route in seen or _api_route(route) in operations:
            continue
        seen.add(route)
        parameters = tuple(m["name"] or m["group"] for m in PARAMETER.finditer(route))
        routes.append(Route("web", route, name, ("GET", "POST"), parameters))
    return routes


def api_routes() -> list[Route]:
    return [
        Route(
            "api",
            path,
            " ".join(op.get("operationId", "") for op in ops.values()),
            tuple(method.upper() for method in ops),
            tuple(re.findall(r"{(\w+)}", path)),
        )
        for path, ops in api_operations().items()
    ]


class UnfilledParameter(LookupError):
    pass


def _value(spec: str, records: AreaRecords):
    if spec.startswith("="):
        return spec[1:]
    if spec == "subdistrict_code":
        return records.subdistrict_code
    kind, _, attribute = spec.partition(".")
    return getattr(records.objects[kind], attribute or "pk")


def _admin_value(route: Route, parameter: str, records: AreaRecords):
    match = ADMIN_PATH.match(route.route)
    if parameter == "url":
        return "no/such/page/"  # the admin's catch-all
    if parameter == "app_label":
        return "directory"
    if parameter == "content_type_id":
        return ContentType.objects.get_for_model(records.objects["organisation"]).pk
    if parameter == "object_id" and not match:
        return records.pk("organisation")  # view_on_site: the content type above's record
    if parameter in ("object_id", "id") and match:
        model = apps.get_model(match["app_label"], match["model_name"])
        for record in records.objects.values():
            if isinstance(record, model):
                return record.pk
        if model is records.owner.__class__:
            return records.owner.pk
        first = model._default_manager.order_by("pk").first()
        # A model no test record is of (the admin's groups) is opened with an id no row has: still refused.
        return first.pk if first is not None else 0
    raise UnfilledParameter(
        f"the admin route {route.route} has a parameter {parameter!r} that no record fills: "
        "add a record of its model to tests/access/records.py"
    )


def fill(route: Route, records: AreaRecords) -> str:
    """The URL of the route with its parameters naming the records' objects."""
    values = {}
    for parameter in route.parameters:
        if route.kind == "api":
            spec = API_PATH_PARAMETERS.get((route.route, parameter)) or API_PARAMETERS.get(parameter)
        else:
            spec = WEB_PARAMETERS.get(route.name, {}).get(parameter)
        if spec is not None:
            values[parameter] = _value(spec, records)
        elif route.is_admin:
            values[parameter] = _admin_value(route, parameter, records)
        else:
            table = "API_PARAMETERS" if route.kind == "api" else "WEB_PARAMETERS"
            raise UnfilledParameter(
                f"The route {route.route} ({route.name or 'unnamed'}) has a parameter {parameter!r} the access "
                f"tests cannot fill: say in tests/access/routes.py {table} which record it names."
            )
    if route.kind == "api":
        return re.sub(r"{(\w+)}", lambda m: str(values[m[1]]), route.route)
    return "/" + PARAMETER.sub(lambda m: str(values[m["name"] or m["group"]]), route.route)
