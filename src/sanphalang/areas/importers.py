"""Import files of villages and urban communities: their columns, and how one row becomes a village."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from sanphalang.imports.importers import Column, Importer, RowProblem, area_code_value, choice_value
from sanphalang.thai.digits import parse_number
from sanphalang.thai.names import compact

from .models import AreaLevel
from .services import village_create

if TYPE_CHECKING:
    from sanphalang.accounts.models import User

# The Thai words people write for a kind of village: data (what arrives in files), not interface text.
VILLAGE_KIND_WORDS = {
    AreaLevel.VILLAGE: ("หมู่บ้าน", "หมู่"),
    AreaLevel.COMMUNITY: ("ชุมชน", "ชุมชนเมือง"),
}


class VillageImporter(Importer):
    entity = "villages"
    label = gettext_lazy("Villages and urban communities")
    columns = (
        Column("subdistrict_code", "รหัสตำบล", "Subdistrict code", ("ตำบล", "รหัสแขวง", "subdistrict"), True),
        Column("moo", "หมู่ที่", "Village no. (moo)", ("หมู่", "ม.", "moo", "village no")),
        Column("name_th", "ชื่อหมู่บ้าน", "Name (Thai)", ("ชื่อ (ไทย)", "ชื่อ", "ชื่อภาษาไทย", "ชื่อชุมชน", "name"), True),
        Column("name_en", "ชื่อภาษาอังกฤษ", "Name (English)", ("ชื่อ (อังกฤษ)",)),
        Column("kind", "ประเภท", "Kind", ("ประเภทพื้นที่", "type")),
    )
    area_column = "subdistrict_code"

    def _moo(self, values: dict) -> int | None:
        text = parse_number(values.get("moo", "")).removeprefix("หมู่ที่").removeprefix("ม.").strip()
        if not text:
            return None
        if not text.isdigit():
            raise RowProblem(
                "moo",
                _("The village number (moo) must be a number, not %(value)s.") % {"value": values["moo"]},
            )
        return int(text)

    def _kind(self, values: dict, moo: int | None) -> str:
        text = values.get("kind", "")
        if not text:
            return AreaLevel.VILLAGE if moo is not None else AreaLevel.COMMUNITY
        kind = choice_value(AreaLevel, VILLAGE_KIND_WORDS, text)
        if kind not in (AreaLevel.VILLAGE, AreaLevel.COMMUNITY):
            raise RowProblem(
                "kind",
                _("A village is either a village (moo) or an urban community, not %(value)s.")
                % {"value": text},
            )
        return kind

    def duplicate_keys(self, values):
        code = area_code_value(values, "subdistrict_code")
        keys = [("name_th", ("name", code, compact(values.get("name_th", ""))))]
        if parse_number(values.get("moo", "")):
            keys.append(("moo", ("moo", code, parse_number(values["moo"]))))
        return keys

    def create(self, *, by: User, values):
        moo = self._moo(values)
        village_create(
            by=by,
            subdistrict_code=area_code_value(values, "subdistrict_code"),
            name_th=values.get("name_th", ""),
            name_en=values.get("name_en", ""),
            moo=moo,
            kind=self._kind(values, moo),
        )
