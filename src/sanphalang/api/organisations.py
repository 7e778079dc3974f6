"""API routes of organisations: reads through the area-scoped selectors, writes through the services."""

from django.db.models import QuerySet
from django.http import JsonResponse
from ninja import Query, Router, Status

from sanphalang.directory.models import Organisation
from sanphalang.directory.selectors import organisation_get, organisation_list
from sanphalang.directory.services import organisation_create, organisation_delete, organisation_update

from .pagination import PageQuery, page_of, paginate
from .schemas_directory import (
    OrganisationDetailOut,
    OrganisationIn,
    OrganisationOut,
    OrganisationPatch,
    OrganisationQuery,
)
from .thai_fields import RecordId
from .versions import CONFLICT, built_on

router = Router(tags=["organisations"])

# The columns of a list item (OrganisationOut), read as dicts: the list skips building model instances.
_LIST_COLUMNS = {
    "id": "id",
    "kind": "kind",
    "name_th": "name_th",
    "name_en": "name_en",
    "abbreviation": "abbreviation",
    "area_code": "area_id",
    "area_name_th": "area__name_th",
    "parent_id": "parent_id",
    "is_active": "is_active",
}


def _list_rows(organisations: QuerySet[Organisation], page: PageQuery) -> dict:
    """A page of the (already scoped) selector's organisations as rows, with their issue areas' slugs."""
    # Plain columns, renamed here rather than by F() expressions in the query: cheaper to build on every call.
    rows = organisations.order_by("sort_key", "id").values(*_LIST_COLUMNS.values())
    result = paginate(rows, page)
    items = [{name: row[column] for name, column in _LIST_COLUMNS.items()} for row in result["items"]]
    slugs: dict[int, list[str]] = {item["id"]: [] for item in items}
    issue_links = (
        Organisation.issue_areas.through.objects.filter(organisation_id__in=slugs)
        .order_by("issuearea__sort_key", "issuearea_id")
        .values_list("organisation_id", "issuearea__slug")
    )
    for organisation_id, slug in issue_links:
        slugs[organisation_id].append(slug)
    for item in items:
        item["issue_areas"] = slugs[item["id"]]
    result["items"] = items
    return result


@router.get("/organisations", response=page_of(OrganisationOut))
def list_organisations(request, filters: Query[OrganisationQuery]):
    organisations = organisation_list(
        user=request.auth,
        search=filters.q.strip(),
        kind=filters.kind,
        issue=filters.issue,
        within=filters.within,
    )
    # The rows are plain columns already in the documented shape (OrganisationOut, checked by the tests against
    # the schema): written straight out rather than validated again field by field on every call.
    return JsonResponse(_list_rows(organisations, filters))


@router.post("/organisations", response={201: OrganisationDetailOut})
def create_organisation(request, payload: OrganisationIn):
    organisation = organisation_create(by=request.auth, **payload.dict(exclude_unset=True))
    return Status(201, organisation_get(user=request.auth, pk=organisation.pk))


@router.get("/organisations/{organisation_id}", response=OrganisationDetailOut)
def get_organisation(request, organisation_id: RecordId):
    return organisation_get(user=request.auth, pk=organisation_id)


@router.patch("/organisations/{organisation_id}", response={200: OrganisationDetailOut, **CONFLICT})
def update_organisation(request, organisation_id: RecordId, payload: OrganisationPatch):
    organisation = organisation_get(user=request.auth, pk=organisation_id)
    organisation_update(
        by=request.auth, organisation=organisation, **built_on(request, payload.dict(exclude_unset=True))
    )
    return organisation_get(user=request.auth, pk=organisation_id)


@router.delete("/organisations/{organisation_id}", response={204: None})
def delete_organisation(request, organisation_id: RecordId):
    organisation_delete(by=request.auth, organisation=organisation_get(user=request.auth, pk=organisation_id))
    return Status(204, None)
