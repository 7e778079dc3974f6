"""API routes of plans, their main works, and agreements with their parties and signatories: reads through the
plans selectors (read in the province), writes through the plans services (written in the area)."""

from django.utils.translation import gettext as _
from ninja import Query, Router, Status

from sanphalang.directory.selectors import organisation_list, person_list
from sanphalang.meetings.selectors.meetings import meeting_list
from sanphalang.plans.selectors.agreements import (
    agreement_get,
    agreement_get_for_change,
    agreement_list,
    agreement_party_get,
    agreement_party_get_for_change,
    signatory_get,
    signatory_get_for_change,
)
from sanphalang.plans.selectors.plans import (
    main_work_get,
    main_work_get_for_change,
    plan_get,
    plan_get_for_change,
    plan_list,
)
from sanphalang.plans.services import agreements as agreement_services
from sanphalang.plans.services import plans as plan_services

from .errors import ApiError
from .pagination import page_of, paginate
from .schemas_plans import (
    AgreementDetailOut,
    AgreementIn,
    AgreementOut,
    AgreementPatch,
    AgreementQuery,
    MainWorkIn,
    MainWorkOut,
    MainWorkPatch,
    PartyIn,
    PartyOut,
    PartyPatch,
    PlanDetailOut,
    PlanIn,
    PlanOut,
    PlanPatch,
    PlanQuery,
    SignatoryIn,
    SignatoryOut,
    SignatoryPatch,
)
from .thai_fields import RecordId
from .versions import CONFLICT, built_on

router = Router(tags=["plans"])
_REMOVED = {204: None}

# Body fields that name another record by id, and where the caller may see such records.
_REFERENCES = {"meeting": meeting_list, "organisation": organisation_list, "person": person_list}


def _references(user, fields: dict) -> dict:
    """An id the caller cannot see is bad input (422), not a missing page; the plan is checked by the service."""
    for name, find in _REFERENCES.items():
        pk = fields.get(name)
        if pk is None:
            continue
        found = find(user=user).filter(pk=pk).first()
        if found is None:
            raise ApiError(422, _("No such record, or it is outside your areas."), code="invalid", field=name)
        fields[name] = found
    return fields


def _required(fields: dict, *names: str) -> None:
    for name in names:
        if name in fields and fields[name] is None:
            raise ApiError(422, _("This field is required."), code="invalid", field=name)


# ---- plans


def _created(payload) -> dict:
    """The fields a new record is made with: a version means nothing before the record exists."""
    return payload.dict(exclude_unset=True, exclude={"version"})


@router.get("/plans", response=page_of(PlanOut))
def list_plans(request, filters: Query[PlanQuery]):
    plans = plan_list(user=request.auth, year_be=filters.year, area_code=(filters.area or "").strip())
    return paginate(plans, filters)


@router.post("/plans", response={201: PlanDetailOut})
def create_plan(request, payload: PlanIn):
    plan = plan_services.plan_create(by=request.auth, **_references(request.auth, _created(payload)))
    return Status(201, plan_get(user=request.auth, pk=plan.pk))


@router.get("/plans/{plan_id}", response=PlanDetailOut)
def get_plan(request, plan_id: RecordId):
    return plan_get(user=request.auth, pk=plan_id)


@router.patch("/plans/{plan_id}", response={200: PlanDetailOut, **CONFLICT})
def update_plan(request, plan_id: RecordId, payload: PlanPatch):
    plan = plan_get_for_change(user=request.auth, pk=plan_id)
    fields = _references(request.auth, built_on(request, payload.dict(exclude_unset=True)))
    _required(fields, "title", "year_be", "year_kind", "period_kind", "status")
    plan_services.plan_update(by=request.auth, plan=plan, **fields)
    return plan_get(user=request.auth, pk=plan_id)


@router.delete("/plans/{plan_id}", response=_REMOVED)
def delete_plan(request, plan_id: RecordId):
    """Delete a plan with its main works. Refused (422) while it has projects, targets or agreements."""
    plan_services.plan_delete(by=request.auth, plan=plan_get_for_change(user=request.auth, pk=plan_id))
    return Status(204, None)


@router.get("/plans/{plan_id}/main-works", response=list[MainWorkOut])
def list_main_works(request, plan_id: RecordId):
    return list(plan_get(user=request.auth, pk=plan_id).main_works.all())


@router.post("/plans/{plan_id}/main-works", response={201: MainWorkOut})
def add_main_work(request, plan_id: RecordId, payload: MainWorkIn):
    plan = plan_get_for_change(user=request.auth, pk=plan_id)
    work = plan_services.main_work_add(by=request.auth, plan=plan, **_created(payload))
    return Status(201, main_work_get(user=request.auth, pk=work.pk))


@router.get("/main-works/{main_work_id}", response=MainWorkOut)
def get_main_work(request, main_work_id: RecordId):
    return main_work_get(user=request.auth, pk=main_work_id)


@router.patch("/main-works/{main_work_id}", response={200: MainWorkOut, **CONFLICT})
def update_main_work(request, main_work_id: RecordId, payload: MainWorkPatch):
    work = main_work_get_for_change(user=request.auth, pk=main_work_id)
    fields = built_on(request, payload.dict(exclude_unset=True))
    _required(fields, "number", "title")
    plan_services.main_work_update(by=request.auth, main_work=work, **fields)
    return main_work_get(user=request.auth, pk=main_work_id)


@router.delete("/main-works/{main_work_id}", response=_REMOVED)
def remove_main_work(request, main_work_id: RecordId):
    plan_services.main_work_remove(
        by=request.auth, main_work=main_work_get_for_change(user=request.auth, pk=main_work_id)
    )
    return Status(204, None)


# ---- agreements


@router.get("/agreements", response=page_of(AgreementOut))
def list_agreements(request, filters: Query[AgreementQuery]):
    agreements = agreement_list(user=request.auth, year_be=filters.year, plan=filters.plan)
    return paginate(agreements.order_by("-signed_on", "-id"), filters)


@router.post("/agreements", response={201: AgreementDetailOut})
def create_agreement(request, payload: AgreementIn):
    agreement = agreement_services.agreement_create(
        by=request.auth, **_references(request.auth, _created(payload))
    )
    return Status(201, agreement_get(user=request.auth, pk=agreement.pk))


@router.get("/agreements/{agreement_id}", response=AgreementDetailOut)
def get_agreement(request, agreement_id: RecordId):
    return agreement_get(user=request.auth, pk=agreement_id)


@router.patch("/agreements/{agreement_id}", response={200: AgreementDetailOut, **CONFLICT})
def update_agreement(request, agreement_id: RecordId, payload: AgreementPatch):
    agreement = agreement_get_for_change(user=request.auth, pk=agreement_id)
    fields = _references(request.auth, built_on(request, payload.dict(exclude_unset=True)))
    _required(fields, "title", "kind")
    agreement_services.agreement_update(by=request.auth, agreement=agreement, **fields)
    return agreement_get(user=request.auth, pk=agreement_id)


@router.delete("/agreements/{agreement_id}", response=_REMOVED)
def delete_agreement(request, agreement_id: RecordId):
    """Delete an agreement with its parties, signatories and documents. Refused (422) while projects belong to it."""
    agreement_services.agreement_delete(
        by=request.auth, agreement=agreement_get_for_change(user=request.auth, pk=agreement_id)
    )
    return Status(204, None)


@router.get("/agreements/{agreement_id}/parties", response=list[PartyOut])
def list_parties(request, agreement_id: RecordId):
    return list(agreement_get(user=request.auth, pk=agreement_id).parties.all())


@router.post("/agreements/{agreement_id}/parties", response={201: PartyOut})
def add_party(request, agreement_id: RecordId, payload: PartyIn):
    agreement = agreement_get_for_change(user=request.auth, pk=agreement_id)
    party = agreement_services.party_add(
        by=request.auth, agreement=agreement, **_references(request.auth, _created(payload))
    )
    return Status(201, agreement_party_get(user=request.auth, pk=party.pk))


@router.get("/agreement-parties/{party_id}", response=PartyOut)
def get_party(request, party_id: RecordId):
    return agreement_party_get(user=request.auth, pk=party_id)


@router.patch("/agreement-parties/{party_id}", response={200: PartyOut, **CONFLICT})
def update_party(request, party_id: RecordId, payload: PartyPatch):
    party = agreement_party_get_for_change(user=request.auth, pk=party_id)
    fields = _references(request.auth, built_on(request, payload.dict(exclude_unset=True)))
    _required(fields, "organisation", "order")
    agreement_services.party_update(by=request.auth, party=party, **fields)
    return agreement_party_get(user=request.auth, pk=party_id)


@router.delete("/agreement-parties/{party_id}", response=_REMOVED)
def remove_party(request, party_id: RecordId):
    agreement_services.party_remove(
        by=request.auth, party=agreement_party_get_for_change(user=request.auth, pk=party_id)
    )
    return Status(204, None)


@router.post("/agreement-parties/{party_id}/signatories", response={201: SignatoryOut})
def add_signatory(request, party_id: RecordId, payload: SignatoryIn):
    party = agreement_party_get_for_change(user=request.auth, pk=party_id)
    signatory = agreement_services.signatory_add(
        by=request.auth, party=party, **_references(request.auth, _created(payload))
    )
    return Status(201, signatory_get(user=request.auth, pk=signatory.pk))


@router.get("/signatories/{signatory_id}", response=SignatoryOut)
def get_signatory(request, signatory_id: RecordId):
    return signatory_get(user=request.auth, pk=signatory_id)


@router.patch("/signatories/{signatory_id}", response={200: SignatoryOut, **CONFLICT})
def update_signatory(request, signatory_id: RecordId, payload: SignatoryPatch):
    signatory = signatory_get_for_change(user=request.auth, pk=signatory_id)
    fields = built_on(request, payload.dict(exclude_unset=True))
    if fields.get("person") is not None:
        # The person who signed stays, even one the caller may not open; another must be one the caller sees.
        if fields["person"] != signatory.person_id:
            fields = _references(request.auth, fields)
        else:
            fields["person"] = signatory.person
    _required(fields, "person")
    agreement_services.signatory_update(by=request.auth, signatory=signatory, **fields)
    return signatory_get(user=request.auth, pk=signatory_id)


@router.delete("/signatories/{signatory_id}", response=_REMOVED)
def remove_signatory(request, signatory_id: RecordId):
    agreement_services.signatory_remove(
        by=request.auth, signatory=signatory_get_for_change(user=request.auth, pk=signatory_id)
    )
    return Status(204, None)
