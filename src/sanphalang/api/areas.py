"""API routes of areas (public reference data, read by any signed-in user), villages and regions."""

from django.shortcuts import get_object_or_404
from ninja import Query, Router, Status

from sanphalang.areas.selectors import area_children, area_get, area_search, region_list
from sanphalang.areas.services import region_create, region_update, village_create

from .pagination import PageQuery, page_of, paginate
from .schemas_areas import (
    AreaDetailOut,
    AreaOut,
    AreaSearchQuery,
    RegionIn,
    RegionOut,
    RegionPatch,
    VillageIn,
)
from .thai_fields import RecordId
from .versions import CONFLICT, built_on

router = Router(tags=["areas"])


@router.get("/areas", response=page_of(AreaOut))
def list_areas(request, filters: Query[AreaSearchQuery]):
    return paginate(area_search(query=filters.q.strip(), level=filters.level, within=filters.within), filters)


@router.get("/areas/{code}", response=AreaDetailOut)
def get_area(request, code: str):
    area = area_get(code=code)
    area.children_count = area_children(area=area).count()
    return area


@router.get("/areas/{code}/children", response=page_of(AreaOut))
def list_area_children(request, code: str, page: Query[PageQuery]):
    return paginate(area_children(area=area_get(code=code)), page)


@router.post("/areas/{code}/villages", response={201: AreaOut})
def create_village(request, code: str, payload: VillageIn):
    return Status(201, village_create(by=request.auth, subdistrict_code=code, **payload.dict()))


@router.get("/regions", response=page_of(RegionOut))
def list_regions(request, page: Query[PageQuery]):
    return paginate(region_list(), page)


@router.post("/regions", response={201: RegionOut})
def create_region(request, payload: RegionIn):
    return Status(201, region_create(by=request.auth, **payload.dict()))


@router.get("/regions/{region_id}", response=RegionOut)
def get_region(request, region_id: RecordId):
    return get_object_or_404(region_list(), pk=region_id)


@router.patch("/regions/{region_id}", response={200: RegionOut, **CONFLICT})
def update_region(request, region_id: RecordId, payload: RegionPatch):
    region = get_object_or_404(region_list(), pk=region_id)
    region_update(by=request.auth, region=region, **built_on(request, payload.dict(exclude_unset=True)))
    return get_object_or_404(region_list(), pk=region_id)  # read again: the provinces may have changed
