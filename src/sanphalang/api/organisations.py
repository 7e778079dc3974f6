"""API routes of organisations: reads through the area-scoped selectors, writes through the services."""

from ninja import Query, Router, Status

from sanphalang.directory.selectors import organisation_get, organisation_list
from sanphalang.directory.services import organisation_create, organisation_delete, organisation_update

from .pagination import page_of, paginate
from .schemas_directory import OrganisationDetailOut, OrganisationIn, OrganisationOut, OrganisationPatch, \
    OrganisationQuery

router = Router(tags=["organisations"])


@router.get("/organisations", response=page_of(OrganisationOut))
def list_organisations(request, filters: Query[OrganisationQuery]):
    organisations = organisation_list(user=request.auth, search=filters.q.strip(), kind=filters.kind,
                                      issue=filters.issue, within=filters.within)
    return paginate(organisations.order_by("sort_key", "id"), filters)


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
