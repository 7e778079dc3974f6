"""How much each scale of synthetic data holds: a few records for tests, one province, or all of Thailand."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Scale:
    name: str
    provinces: tuple[str, ...] | None  # None: every province
    funds: int
    meetings: int
    people_per_district: int
    village_share: float  # the share of subdistricts whose villages are listed
    district_coordinators: int  # area coordinators per province, one per district from the first
    projects_per_province: int  # over the province's plans of two years
    charter_share: float  # the share of subdistricts with an area charter under way or made
    registrations_per_province: int  # funds, networks and councils registering with an authority
    households: int  # households in care, about three people each


SCALES = {
    "tiny": Scale(
        "tiny",
        provinces=("57", "56"),
        funds=40,
        meetings=60,
        people_per_district=1,
        village_share=0.05,
        district_coordinators=2,
        projects_per_province=3,
        charter_share=0.05,
        registrations_per_province=4,
        households=400,
    ),
    "province": Scale(
        "province",
        provinces=("57",),
        funds=320,
        meetings=1000,
        people_per_district=8,
        village_share=1.0,
        district_coordinators=18,
        projects_per_province=20,
        charter_share=0.04,
        registrations_per_province=24,
        households=30_000,
    ),
    "national": Scale(
        "national",
        provinces=None,
        funds=10_000,
        meetings=20_000,
        people_per_district=6,
        village_share=0.3,
        district_coordinators=3,
        projects_per_province=20,
        charter_share=0.03,
        registrations_per_province=8,
        households=1_300_000,
    ),
}
