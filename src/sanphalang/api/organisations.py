"""API routes of organisations: reads through the area-scoped selectors, writes through the services."""

from django.db.models import Prefetch, QuerySet
from ninja import Query, Router, Status

from sanphalang.directory.models import IssueArea, Organisation
from sanphalang.directory.selectors import organisation_get, organisation_list
from sanphalang.directory.services import organisation_create, organisation_delete, organisation_update

from .pagination import page_of, paginate
from .schemas_directory import OrganisationDetailOut, OrganisationIn, OrganisationOut, OrganisationPatch, \
    OrganisationQuery

router = Router(tags=["organisations"])

# What a list item shows (OrganisationOut): loading less than the selector's detail shape keeps a page of 200 fast.
_LIST_COLUMNS = ("id", "kind", "name_th", "name_en", "abbreviation", "area__code", "area__name_th", "parent_id",
                 "is_active", "sort_key")


def _list_shape(organisations: QuerySet[Organisation]) -> QuerySet[Organisation]:
    issue_slugs = IssueArea.objects.only("id", "slug")
    return (organisations.select_related(None).select_related("area").only(*_LIST_COLUMNS)
            .prefetch_related(None).prefetch_related(Prefetch("issue_areas", issue_slugs, to_attr="issue_area_list"))
            .order_by("sort_key", "id"))


@router.get("/organisations", response=page_of(OrganisationOut))
def list_organisations(request, filters: Query[OrganisationQuery]):
    organisations = organisation_list(user=request.auth, search=filters.q.strip(), kind=filters.kind,
                                      issue=filters.issue, within=filters.within)
    return paginate(_list_shape(organisations), filters)


@router.post("/organisations", response={201: OrganisationDetailOut})
def create_organisation(request, payload: OrganisationIn):
    organisation = organisation_create(by=request.auth, **payload.dict(exclude_unset=True))
    return Status(201, organisation_get(user=request.auth, pk=organisation.pk))


@router.get("/organisations/{organisation_id}", response=OrganisationDetailOut)
def get_organisation(request, organisation_id: int):
    return organisation_get(user=request.auth, pk=organisation_id)


@router.patch("/organisations/{organisation_id}", response=OrganisationDetailOut)
def update_organisation(request, organisation_id: int, payload: OrganisationPatch):
    organisation = organisation_get(user=request.auth, pk=organisation_id)
    organisation_update(by=request.auth, organisation=organisation, **payload.dict(exclude_unset=True))
    return organisation_get(user=request.auth, pk=organisation_id)


@router.delete("/organisations/{organisation_id}", response={204: None})
def delete_organisation(request, organisation_id: int):
    organisation_delete(by=request.auth, organisation=organisation_get(user=request.auth, pk=organisation_id))
    return Status(204, None)
