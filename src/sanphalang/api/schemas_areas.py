"""API shapes of areas and regions."""

from ninja import Field, Schema

from sanphalang.areas.models import AreaLevel
from sanphalang.areas.selectors import area_path

from .pagination import PageQuery
from .thai_fields import ThaiInt
from .versions import VersionIn, VersionOut


class AreaRef(Schema):
    code: str
    level: str
    name_th: str
    name_en: str


class AreaOut(AreaRef):
    parent_code: str | None = None
    moo: int | None = None
    postal_codes: str
    is_official: bool
    is_active: bool

    @staticmethod
    def resolve_parent_code(obj) -> str | None:
        return obj.parent_id


class AreaDetailOut(AreaOut):
    path: list[AreaRef] = Field(description="The area's ancestors below the country and the area, top first")
    children_count: int

    @staticmethod
    def resolve_path(obj) -> list:
        return area_path(obj)


class AreaSearchQuery(PageQuery):
    q: str = ""
    level: AreaLevel | None = None
    within: str | None = Field(None, description="An area code: only areas at or below it")


class VillageIn(Schema):
    name_th: str
    name_en: str = ""
    moo: ThaiInt | None = Field(None, description="The village number (หมู่ที่); empty for an urban community")
    kind: AreaLevel = AreaLevel.VILLAGE


class RegionOut(VersionOut):
    id: int
    slug: str
    name_th: str
    name_en: str
    description: str
    province_codes: list[str]

    @staticmethod
    def resolve_province_codes(obj) -> list[str]:
        return sorted(province.code for province in obj.provinces.all())


class RegionIn(Schema):
    name_th: str
    province_codes: list[str]
    name_en: str = ""
    slug: str = ""
    description: str = ""


class RegionPatch(VersionIn):
    name_th: str | None = None
    name_en: str | None = None
    slug: str | None = None
    description: str | None = None
    province_codes: list[str] | None = None
