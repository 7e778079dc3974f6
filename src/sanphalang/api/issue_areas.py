"""API routes of issue areas: the national list and each province's own."""

from ninja import Query, Router, Status

from sanphalang.directory.selectors import issue_area_get, issue_area_list
from sanphalang.directory.services import issue_area_create, issue_area_update

from .pagination import page_of, paginate
from .schemas_directory import IssueAreaIn, IssueAreaOut, IssueAreaPatch, IssueAreaQuery
from .thai_fields import RecordId
from .versions import CONFLICT, built_on

router = Router(tags=["issue areas"])


@router.get("/issue-areas", response=page_of(IssueAreaOut))
def list_issue_areas(request, filters: Query[IssueAreaQuery]):
    return paginate(
        issue_area_list(
            user=request.auth, province=filters.province, include_inactive=filters.include_inactive
        ),
        filters,
    )


@router.post("/issue-areas", response={201: IssueAreaOut})
def create_issue_area(request, payload: IssueAreaIn):
    return Status(201, issue_area_create(by=request.auth, **payload.dict()))


@router.patch("/issue-areas/{issue_area_id}", response={200: IssueAreaOut, **CONFLICT})
def update_issue_area(request, issue_area_id: RecordId, payload: IssueAreaPatch):
    issue_area = issue_area_get(user=request.auth, pk=issue_area_id)
    return issue_area_update(
        by=request.auth, issue_area=issue_area, **built_on(request, payload.dict(exclude_unset=True))
    )
