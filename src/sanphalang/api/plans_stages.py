"""API routes of area charters (S4) and registrations (S10), and the stages they reach through the one mechanism.

Reads go through plans/selectors/stages.py and writes through plans/services/stages.py, so the areas a caller sees
and the history kept are those of the web pages. A stage posted here carries no document: documents are uploaded
and downloaded on the web pages (a multipart upload is not part of this JSON API), and an event's
`document_version` and `has_document` say what is kept.
"""

import functools
import inspect

from django.http import Http404
from django.utils.translation import gettext as _
from ninja import Query, Router, Status

from sanphalang.directory.models import Organisation
from sanphalang.directory.selectors import organisation_list
from sanphalang.plans.selectors import stages as selectors
from sanphalang.plans.services import stages as services
from sanphalang.welfare.models import Fund
from sanphalang.welfare.selectors.registry import fund_list

from .errors import ApiError
from .pagination import page_of, paginate
from .schemas_plans_stages import (
    CharterDetailOut,
    CharterIn,
    CharterOut,
    CharterPatch,
    CharterQuery,
    RegistrationDetailOut,
    RegistrationIn,
    RegistrationOut,
    RegistrationPatch,
    RegistrationQuery,
    StageCountOut,
    StageEventIn,
    StageEventOut,
)
from .thai_fields import RecordId
from .versions import CONFLICT, built_on

router = Router(tags=["plans"])
_OPERATION = __name__.replace(".", "_")  # the prefix ninja gives the operation ids of this module's views


def _chosen(queryset, pk: int | None, field: str):
    """The record a body's id names, among those the caller may see; a 422 at the field otherwise."""
    if pk is None:
        return None
    try:
        return queryset.get(pk=pk)
    except (Organisation.DoesNotExist, Fund.DoesNotExist):
        raise ApiError(
            422, _("No such record, or it is outside your areas."), code="invalid", field=field
        ) from None


def _organisation(user, pk, field):
    return _chosen(organisation_list(user=user).prefetch_related(None), pk, field)


def _related(user, fields: dict) -> dict:
    """The body's ids as the records the services take."""
    for name in ("adopted_by", "organisation", "authority"):
        if f"{name}_id" in fields:
            fields[name] = _organisation(user, fields.pop(f"{name}_id"), name)
    if "fund_id" in fields:
        fields["fund"] = _chosen(fund_list(user=user), fields.pop("fund_id"), "fund")
    return fields


def _event_of(record, event_id: int):
    event = next((event for event in record.events.all() if event.pk == event_id), None)
    if event is None:
        raise Http404
    return event


def _service(kind: str, action: str):
    return getattr(services, f"{kind}_{action}")


def _path_named(id_name: str):
    """A view written with `record_id` that takes its record's id from the path parameter id_name."""

    def decorate(view):
        signature = inspect.signature(view)
        parameters = [
            p.replace(name=id_name) if p.name == "record_id" else p for p in signature.parameters.values()
        ]

        @functools.wraps(view)
        def named(request, **values):
            return view(request, record_id=values.pop(id_name), **values)

        named.__signature__ = signature.replace(parameters=parameters)
        return named

    return decorate


def _staged_routes(kind: str, path: str, create_in, patch_in, detail_out) -> None:
    """The routes of one kind of staged record, the same for charters and registrations: create, read, change
    (If-Match), delete; and the stages it reaches: list, record (If-Match: the record's ETag, for recording a stage
    changes it), read one, take the latest back."""
    get = getattr(selectors, f"{kind}_get")
    get_for_change = getattr(selectors, f"{kind}_get_for_change")
    id_name = f"{kind}_id"
    one = f"{path}/{{{id_name}}}"
    events = f"{one}/events"

    @router.post(path, response={201: detail_out}, operation_id=f"{_OPERATION}_create_{kind}")
    def create(request, payload: create_in):
        record = _service(kind, "create")(by=request.auth, **_related(request.auth, payload.dict()))
        return Status(201, get(user=request.auth, pk=record.pk))

    @router.get(one, response=detail_out, operation_id=f"{_OPERATION}_get_{kind}")
    @_path_named(id_name)
    def read(request, record_id: RecordId):
        return get(user=request.auth, pk=record_id)

    @router.patch(one, response={200: detail_out, **CONFLICT}, operation_id=f"{_OPERATION}_update_{kind}")
    @_path_named(id_name)
    def update(request, record_id: RecordId, payload: patch_in):
        record = get_for_change(user=request.auth, pk=record_id)
        fields = _related(request.auth, built_on(request, payload.dict(exclude_unset=True)))
        _service(kind, "update")(by=request.auth, **{kind: record}, **fields)
        return get(user=request.auth, pk=record_id)

    @router.delete(one, response={204: None}, operation_id=f"{_OPERATION}_delete_{kind}")
    @_path_named(id_name)
    def delete(request, record_id: RecordId):
        _service(kind, "delete")(by=request.auth, **{kind: get_for_change(user=request.auth, pk=record_id)})
        return Status(204, None)

    @router.get(events, response=list[StageEventOut], operation_id=f"{_OPERATION}_list_{kind}_events")
    @_path_named(id_name)
    def list_events(request, record_id: RecordId):
        return list(get(user=request.auth, pk=record_id).events.all())

    @router.post(
        events, response={201: StageEventOut, **CONFLICT}, operation_id=f"{_OPERATION}_record_{kind}_stage"
    )
    @_path_named(id_name)
    def record_stage(request, record_id: RecordId, payload: StageEventIn):
        """Record a stage reached; a registration registered or renewed takes its number and renewal date. No
        document: see the module's note."""
        record = get_for_change(user=request.auth, pk=record_id)
        event = services.stage_record(by=request.auth, record=record, **built_on(request, payload.dict()))
        return Status(201, event)

    @router.get(
        f"{events}/{{event_id}}", response=StageEventOut, operation_id=f"{_OPERATION}_get_{kind}_event"
    )
    @_path_named(id_name)
    def get_event(request, record_id: RecordId, event_id: RecordId):
        return _event_of(get(user=request.auth, pk=record_id), event_id)

    @router.delete(
        f"{events}/{{event_id}}", response={204: None}, operation_id=f"{_OPERATION}_remove_{kind}_event"
    )
    @_path_named(id_name)
    def remove_event(request, record_id: RecordId, event_id: RecordId):
        """Take back the latest stage reached; the record returns to the stage before."""
        event = _event_of(get_for_change(user=request.auth, pk=record_id), event_id)
        services.stage_event_remove(by=request.auth, event=event)
        return Status(204, None)


# ---- charters


@router.get("/plans/charters", response=page_of(CharterOut))
def list_charters(request, filters: Query[CharterQuery]):
    charters = selectors.charter_list(
        user=request.auth, province_code=filters.province, district_code=filters.district, stage=filters.stage
    )
    return paginate(charters, filters)


@router.get("/plans/charters/summary", response=list[StageCountOut])
def charter_summary(request, province: str):
    """How many of the province's charters are at each stage."""
    return selectors.stage_summary(user=request.auth, province_code=province)


# ---- registrations


@router.get("/plans/registrations", response=page_of(RegistrationOut))
def list_registrations(request, filters: Query[RegistrationQuery]):
    registrations = selectors.registration_list(
        user=request.auth,
        province_code=filters.province,
        district_code=filters.district,
        stage=filters.stage,
        law=filters.law,
        renewal_due=filters.renewal_due,
    )
    return paginate(registrations, filters)


_staged_routes("charter", "/plans/charters", CharterIn, CharterPatch, CharterDetailOut)
_staged_routes(
    "registration", "/plans/registrations", RegistrationIn, RegistrationPatch, RegistrationDetailOut
)
