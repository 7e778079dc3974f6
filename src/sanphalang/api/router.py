"""The REST API: one NinjaAPI with a router per app, token or session auth, and JSON errors throughout."""

from django.utils.translation import gettext as _
from ninja import Router

from .areas import router as areas_router
from .auth import api_auth
from .care_cases import router as care_cases_router
from .care_fund import router as care_fund_router
from .care_households import router as care_households_router
from .care_housing import router as care_housing_router
from .care_privacy import router as care_privacy_router
from .care_risks import router as care_risks_router
from .care_status import router as care_status_router
from .errors import ApiError, ErrorOut, register_error_handlers
from .ingest import router as ingest_router
from .issue_areas import router as issue_areas_router
from .meetings import router as meetings_router
from .organisations import router as organisations_router
from .parser import SafeParser
from .people import router as people_router
from .plans import router as plans_router
from .plans_progress import router as plans_progress_router
from .plans_projects import router as plans_projects_router
from .plans_stages import router as plans_stages_router
from .reports import router as reports_router
from .reports_quarterly import router as reports_quarterly_router
from .versions import VersionedNinjaAPI, register_conflict_handler
from .welfare import router as welfare_router

# What any operation may answer besides its own results: each as the JSON error of api/errors.py.
ERROR_RESPONSES = {
    400: "The body is not JSON, or not a JSON object",
    401: "Not signed in",
    403: "Not allowed for this user's role or areas",
    404: "No such record, or it is outside the user's areas",
    409: "Other records still refer to this one, or it was changed meanwhile",
    422: "A value is missing, malformed or refused",
}


class SanphalangApi(VersionedNinjaAPI):
    def get_openapi_schema(self, *args, **kwargs):
        """The document, with the error answers every operation may give listed on each (once, here)."""
        schema = super().get_openapi_schema(*args, **kwargs)
        components = schema.setdefault("components", {}).setdefault("schemas", {})
        components["Error"] = ErrorOut.model_json_schema(ref_template="#/components/schemas/{model}")
        components.update(components["Error"].pop("$defs"))
        error = {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
        for operations in schema["paths"].values():
            for operation in operations.values():
                responses = operation.setdefault("responses", {})
                for status, description in ERROR_RESPONSES.items():
                    responses.setdefault(status, {"description": description, "content": error})
        return schema


api = SanphalangApi(
    title="Sanphalang API",
    version="1",
    urls_namespace="api",
    auth=api_auth,
    parser=SafeParser(),
    description="Thai community-organisation networks: areas, regions, organisations, people, issue areas, meetings, "
    "community welfare funds (registry, yearly figures, sources, reconciling, audit rounds), and the progress of "
    "plans' targets (entries, their approval by the province, and roll-ups up the area tree). "
    "Dates are ISO (CE); BE dates are also accepted on input. "
    "Every record that can be changed answers with its version in the ETag header and its `version` field; a "
    "change (PATCH, PUT) built on it sends the ETag back in If-Match (or the body's `version`), and one built on an "
    "old version is refused with 409, nothing saved, showing the values saved meanwhile (`current`) beside the "
    "change's (`yours`). A change naming no version is applied to the record as it is then.",
)
register_error_handlers(api)
register_conflict_handler(api)

for _router in (
    areas_router,
    organisations_router,
    people_router,
    issue_areas_router,
    meetings_router,
    welfare_router,
    care_privacy_router,
    care_cases_router,
    care_fund_router,
    plans_projects_router,
    # Before the plans' own routes: /plans/charters must not be read as the plan whose id is "charters".
    plans_stages_router,
    plans_progress_router,
    plans_router,
    care_risks_router,
    care_status_router,
    care_housing_router,
    care_households_router,
    reports_router,
    reports_quarterly_router,
    ingest_router,
):
    api.add_router("", _router)

# Added last so that it only catches what no route above matched: an unknown /api/ path gets JSON, not HTML.
_fallback = Router(auth=None)


@_fallback.api_operation(
    ["GET", "POST", "PUT", "PATCH", "DELETE"], "/{path:unknown}", include_in_schema=False
)
def unknown_route(request, unknown: str):
    raise ApiError(404, _("There is no such API address."), code="unknown_route")


api.add_router("", _fallback)
