"""Synthetic users: a coordinator, a viewer and a partner for each province, area coordinators of its first
districts, and a coordinator of each region, all with one password."""

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password

from sanphalang.accounts.models import AreaAssignment, Role
from sanphalang.accounts.services import user_refresh_scope
from sanphalang.areas.models import AreaLevel

from .context import SynthContext

User = get_user_model()
PASSWORD = "sanphalang-synth"
USERNAME_PREFIX = "synth-"


def fill(ctx: SynthContext) -> None:
    # One hash for all: hashing a password the production way takes a third of a second.
    password = make_password(PASSWORD)
    organisations = ctx.made["province_organisations"]
    districts: dict[str, list] = {}
    for district in ctx.areas_of(AreaLevel.DISTRICT):
        districts.setdefault(district.code[:2], []).append(district)
    users: list[tuple[User, str | None, object]] = []  # (user, area code, region)

    def add(username, role, first_name, last_name, *, area=None, region=None, organisation=None):
        user = User(
            username=f"{USERNAME_PREFIX}{username}",
            password=password,
            role=role,
            first_name=first_name,
            last_name=last_name,
            organisation=organisation,
        )
        users.append((user, area, region))

    for code, province_districts in sorted(districts.items()):
        orgs = organisations[code]
        name = orgs["governor"].name_th.removeprefix("สำนักงานจังหวัด")
        add(f"p{code}", Role.PROVINCIAL_COORDINATOR, "ผู้ประสานงาน", f"จังหวัด{name}", area=code,
            organisation=orgs["civil_network"])  # fmt: skip
        add(f"v{code}", Role.VIEWER, "ผู้ติดตาม", f"จังหวัด{name}", area=code)
        add(f"partner{code}", Role.PARTNER, "พมจ.", name, area=code, organisation=orgs["msdhs"])
        for district in province_districts[: ctx.scale.district_coordinators]:
            add(f"d{district.code}", Role.AREA_COORDINATOR, "ผู้ประสานงาน", f"อำเภอ{district.name_th}",
                area=district.code, organisation=ctx.made["district_networks"][district.code])  # fmt: skip
    for region in ctx.made["regions"]:
        add(f"r-{region.slug.removeprefix('synth-')}", Role.PROVINCIAL_COORDINATOR, "คณะทำงาน", region.name_th,
            region=region)  # fmt: skip
    ctx.insert(User, [user for user, _area, _region in users])
    ctx.insert(
        AreaAssignment,
        [AreaAssignment(user=user, area_id=area, region=region) for user, area, region in users],
    )
    for user, _area, _region in users:
        user_refresh_scope(user=user)
    ctx.made["users"] = [user for user, _area, _region in users]
