"""API routes of cases: the list and one case as the caller may see it, opening a case, the actions on it (through
the cases services), the caseload, the counts for the roles that see numbers only, and a partner agency's inbox."""

from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Query, Router, Status

from sanphalang.accounts.audit import log_reads
from sanphalang.care.assessments import TEMPLATES
from sanphalang.care.selectors import cases as selectors
from sanphalang.care.services import cases as services
from sanphalang.directory.selectors import organisation_list

from .errors import ApiError
from .pagination import PageQuery, page_of, paginate
from .schemas_care_cases import (
    AssessmentFormOut,
    AssessmentIn,
    AssessmentOut,
    CaseCountOut,
    CaseDecisionIn,
    CaseDetailOut,
    CaseHelpOut,
    CaseloadOut,
    CaseloadQuery,
    CaseOpenIn,
    CaseOut,
    CasePatch,
    CasePlanIn,
    CaseQuery,
    CloseRequestIn,
    FollowUpDoneIn,
    FollowUpIn,
    FollowUpOut,
    HelpIn,
    InboxReferralOut,
    ReferralAnswerIn,
    ReferralIn,
    ReferralOut,
    case_detail,
)
from .thai_fields import RecordId
from .versions import CONFLICT, built_on

router = Router(tags=["care"])
API = "api"


def _missing(field: str) -> ApiError:
    return ApiError(422, _("No such record, or it is outside your areas."), code="invalid", field=field)


def _organisation(user, pk, field: str):
    if pk is None:
        return None
    found = organisation_list(user=user).filter(pk=pk).first()
    if found is None:
        raise _missing(field)
    return found


def _detail(request, case_id: int) -> dict:
    return case_detail(selectors.case_get(user=request.auth, pk=case_id, channel=API))


def _logged_page(request, page: dict, case_of=lambda row: row) -> dict:
    log_reads(request.auth, [case_of(row) for row in page["items"]], channel=API)
    return page


@router.get("/care/cases", response=page_of(CaseOut))
def list_cases(request, filters: Query[CaseQuery]):
    cases = selectors.case_list(
        user=request.auth,
        status=filters.status,
        kind=filters.kind,
        area=(filters.area or "").strip() or None,
        worker=filters.worker,
        due=filters.due,
        today=timezone.localdate(),
    )
    return _logged_page(request, paginate(cases, filters))


@router.post("/care/cases", response={201: CaseDetailOut})
def open_case(request, payload: CaseOpenIn):
    """Open a case for a household of the caller's areas."""
    user = request.auth
    try:
        household = selectors.household_get_for_case(user=user, pk=payload.household)
    except Http404:
        raise _missing("household") from None
    member = None
    if payload.member is not None:
        member = household.members.filter(pk=payload.member).first()
        if member is None:
            raise _missing("member")
    worker = None
    if payload.worker is not None:
        worker = next(
            (
                w
                for w in selectors.worker_choices(user=user, area_code=household.area_id)
                if w.pk == payload.worker
            ),
            None,
        )
        if worker is None:
            raise _missing("worker")
    case = services.case_open(
        by=user,
        household=household,
        member=member,
        worker=worker,
        channel=API,
        **payload.dict(include={"kind", "summary", "opened_on", "first_follow_up_on"}),
    )
    return Status(201, _detail(request, case.pk))


@router.get("/care/cases/{case_id}", response=CaseDetailOut)
def get_case(request, case_id: RecordId):
    return _detail(request, case_id)


@router.patch("/care/cases/{case_id}", response={200: CaseDetailOut, **CONFLICT})
def update_case(request, case_id: RecordId, payload: CasePatch):
    case = selectors.case_get_for_change(user=request.auth, pk=case_id)
    fields = built_on(request, payload.dict(exclude_unset=True))
    if "kind" in fields and fields["kind"] is None:
        raise ApiError(422, _("This field is required."), code="invalid", field="kind")
    if "worker" in fields and fields["worker"] is not None:
        workers = selectors.worker_choices(user=request.auth, area_code=case.area_id)
        fields["worker"] = next((w for w in workers if w.pk == fields["worker"]), None)
        if fields["worker"] is None:
            raise _missing("worker")
    services.case_update(by=request.auth, case=case, channel=API, **fields)
    return _detail(request, case_id)


@router.get("/care/assessment-forms", response=list[AssessmentFormOut])
def list_assessment_forms(request):
    """The questions of the needs assessment of each kind of case: what POST …/assessments takes as answers."""
    return [
        {
            "key": template.key,
            "kind": template.kind,
            "questions": [
                {
                    "key": question.key,
                    "label": str(question.label),
                    "kind": str(question.kind),
                    "required": question.required,
                    "choices": [value for value, _label in question.choices],
                }
                for question in template.questions
            ],
        }
        for template in TEMPLATES.values()
    ]


@router.post("/care/cases/{case_id}/assessments", response={201: AssessmentOut})
def record_assessment(request, case_id: RecordId, payload: AssessmentIn):
    case = selectors.case_get_for_change(user=request.auth, pk=case_id)
    return Status(201, services.assessment_record(by=request.auth, case=case, channel=API, **payload.dict()))


@router.post("/care/cases/{case_id}/help", response={201: CaseHelpOut})
def record_help(request, case_id: RecordId, payload: HelpIn):
    case = selectors.case_get_for_change(user=request.auth, pk=case_id)
    fields = payload.dict()
    fields["given_by_organisation"] = _organisation(
        request.auth, fields["given_by_organisation"], "given_by_organisation"
    )
    return Status(201, services.help_record(by=request.auth, case=case, channel=API, **fields))


@router.post("/care/cases/{case_id}/referrals", response={201: ReferralOut})
def send_referral(request, case_id: RecordId, payload: ReferralIn):
    """Refer the case to an agency: refused (422) until the household consents to sharing."""
    case = selectors.case_get_for_change(user=request.auth, pk=case_id)
    fields = payload.dict()
    fields["agency"] = _organisation(request.auth, fields["agency"], "agency")
    return Status(201, services.referral_send(by=request.auth, case=case, channel=API, **fields))


@router.post("/care/referrals/{referral_id}/answer", response={200: ReferralOut, **CONFLICT})
def answer_referral(request, referral_id: RecordId, payload: ReferralAnswerIn):
    """The agency accepts, declines (with a reason) or marks done (with the outcome) a referral."""
    referral = selectors.referral_get_for_answer(user=request.auth, pk=referral_id)
    fields = built_on(request, payload.dict())
    fields["outcome"] = fields["outcome"] or ""
    return services.referral_answer(by=request.auth, referral=referral, channel=API, **fields)


@router.post("/care/referrals/{referral_id}/revoke", response={200: ReferralOut, **CONFLICT})
def revoke_referral(request, referral_id: RecordId):
    """Withdraw a referral: the agency no longer reads the case."""
    referral = selectors.referral_get_for_change(user=request.auth, pk=referral_id)
    fields = built_on(request, {})
    return services.referral_revoke(by=request.auth, referral=referral, channel=API, **fields)


@router.post("/care/cases/{case_id}/follow-ups", response={201: FollowUpOut})
def schedule_follow_up(request, case_id: RecordId, payload: FollowUpIn):
    case = selectors.case_get_for_change(user=request.auth, pk=case_id)
    return Status(201, services.follow_up_schedule(by=request.auth, case=case, channel=API, **payload.dict()))


@router.post("/care/follow-ups/{follow_up_id}/done", response=FollowUpOut)
def record_follow_up(request, follow_up_id: RecordId, payload: FollowUpDoneIn):
    follow_up = selectors.follow_up_get_for_change(user=request.auth, pk=follow_up_id)
    return services.follow_up_done(by=request.auth, follow_up=follow_up, channel=API, **payload.dict())


def _case_action(request, case_id: int, service, fields: dict) -> dict:
    case = selectors.case_get_for_change(user=request.auth, pk=case_id)
    service(by=request.auth, case=case, channel=API, **built_on(request, fields))
    return _detail(request, case_id)


@router.post("/care/cases/{case_id}/plan", response={200: CaseDetailOut, **CONFLICT})
def submit_plan(request, case_id: RecordId, payload: CasePlanIn):
    """Write the case plan and send it for a second person's approval."""
    return _case_action(request, case_id, services.case_plan_submit, payload.dict())


@router.post("/care/cases/{case_id}/plan/decision", response={200: CaseDetailOut, **CONFLICT})
def decide_plan(request, case_id: RecordId, payload: CaseDecisionIn):
    """Approve the plan, or return it with a reason: by another person than the one who submitted it."""
    return _case_action(request, case_id, services.case_plan_decide, payload.dict())


@router.post("/care/cases/{case_id}/closure", response={200: CaseDetailOut, **CONFLICT})
def request_closure(request, case_id: RecordId, payload: CloseRequestIn):
    return _case_action(request, case_id, services.case_close_request, payload.dict())


@router.post("/care/cases/{case_id}/closure/decision", response={200: CaseDetailOut, **CONFLICT})
def decide_closure(request, case_id: RecordId, payload: CaseDecisionIn):
    """Close the case, or refuse and keep it open: by another person than the one who asked."""
    return _case_action(request, case_id, services.case_close_decide, payload.dict(exclude={"reason"}))


@router.post("/care/cases/{case_id}/reopen", response={200: CaseDetailOut, **CONFLICT})
def reopen_case(request, case_id: RecordId):
    return _case_action(request, case_id, services.case_reopen, {})


@router.get("/care/caseload", response=CaseloadOut)
def get_caseload(request, filters: Query[CaseloadQuery]):
    """The caller's open cases with a follow-up due (overdue first), approvals waiting for them, and referrals
    unanswered for two weeks."""
    load = selectors.caseload(
        user=request.auth,
        today=timezone.localdate(),
        worker=request.auth.pk if filters.mine else None,
        area=(filters.area or "").strip() or None,
    )
    due = _logged_page(request, paginate(load.due, filters))
    log_reads(request.auth, [*load.plans_to_approve, *load.closures_to_approve], channel=API)
    log_reads(request.auth, [referral.case for referral in load.stale_referrals], channel=API)
    return {
        "today": load.today,
        "due": due,
        "plans_to_approve": load.plans_to_approve,
        "closures_to_approve": load.closures_to_approve,
        "stale_referrals": load.stale_referrals,
    }


@router.get("/care/caseload/counts", response=list[CaseCountOut])
def get_caseload_counts(request):
    """Open cases per district and kind in the caller's areas: numbers only, for every role."""
    return selectors.caseload_counts(user=request.auth)


@router.get("/care/referrals/inbox", response=page_of(InboxReferralOut))
def get_referral_inbox(request, filters: Query[PageQuery]):
    """The referrals to the caller's agency, shared with the household's consent: those waiting first."""
    page = paginate(selectors.referral_inbox(user=request.auth), filters)
    return _logged_page(request, page, case_of=lambda referral: referral.case)
