"""API routes of people and their positions. Every read of one person is written to the access log."""

from django.http import Http404
from django.utils.translation import gettext as _
from ninja import Query, Router, Status

from sanphalang.directory.models import Position
from sanphalang.directory.selectors import organisation_get, person_get, person_list
from sanphalang.directory.services import (
    person_create,
    person_erase,
    person_update,
    position_create,
    position_delete,
)

from .errors import ApiError
from .pagination import page_of, paginate
from .schemas_directory import (
    PersonDetailOut,
    PersonIn,
    PersonOut,
    PersonPatch,
    PersonQuery,
    PositionIn,
    PositionOut,
)
from .thai_fields import RecordId
from .versions import CONFLICT, built_on

router = Router(tags=["people"])
CHANNEL = "api"


@router.get("/people", response=page_of(PersonOut))
def list_people(request, filters: Query[PersonQuery]):
    people = person_list(
        user=request.auth,
        search=filters.q.strip(),
        organisation=filters.organisation,
        within=filters.within,
        issue=filters.issue,
        current_only=filters.current_only,
    )
    return paginate(people.order_by("sort_key", "id"), filters)


@router.post("/people", response={201: PersonDetailOut})
def create_person(request, payload: PersonIn):
    person = person_create(by=request.auth, channel=CHANNEL, **payload.dict(exclude_unset=True))
    return Status(201, person_get(user=request.auth, pk=person.pk, channel=CHANNEL))


@router.get("/people/{person_id}", response=PersonDetailOut)
def get_person(request, person_id: RecordId):
    return person_get(user=request.auth, pk=person_id, channel=CHANNEL)


@router.patch("/people/{person_id}", response={200: PersonDetailOut, **CONFLICT})
def update_person(request, person_id: RecordId, payload: PersonPatch):
    person = person_get(user=request.auth, pk=person_id, channel=CHANNEL)
    person_update(
        by=request.auth, person=person, channel=CHANNEL, **built_on(request, payload.dict(exclude_unset=True))
    )
    return person_get(user=request.auth, pk=person_id, channel=CHANNEL)


@router.post("/people/{person_id}/erase", response={204: None})
def erase_person(request, person_id: RecordId):
    person_erase(
        by=request.auth, person=person_get(user=request.auth, pk=person_id, channel=CHANNEL), channel=CHANNEL
    )
    return Status(204, None)


@router.post("/people/{person_id}/positions", response={201: PositionOut})
def create_position(request, person_id: RecordId, payload: PositionIn):
    person = person_get(user=request.auth, pk=person_id, channel=CHANNEL)
    fields = payload.dict()
    try:
        organisation = organisation_get(user=request.auth, pk=fields.pop("organisation"))
    except Http404:
        # A body field that names nothing the caller can see is bad input, not a missing page.
        raise ApiError(
            422, _("No such organisation, or it is outside your areas."), code="invalid", field="organisation"
        ) from None
    return Status(201, position_create(by=request.auth, person=person, organisation=organisation, **fields))


def _position_of_visible_person(user, position_id: RecordId) -> Position:
    # Positions are scoped through their person: only people the user may read.
    position = (
        Position.objects.select_related("person", "organisation")
        .filter(pk=position_id, person__in=person_list(user=user).values("pk"))
        .first()
    )
    if position is None:
        raise Http404
    return position


@router.delete("/positions/{position_id}", response={204: None})
def delete_position(request, position_id: RecordId):
    position_delete(by=request.auth, position=_position_of_visible_person(request.auth, position_id))
    return Status(204, None)
