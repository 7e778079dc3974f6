"""Every selector that takes a user filters by that user's areas: called by someone of another area, or by someone
with no area at all, it returns none of the records of Mae Sai (5709) or Phayao (56).

Selectors are found by walking the package: every public function of a module whose dotted path has a component
named selectors (selectors.py, selectors_pages.py, or a package selectors/<topic>.py). A new selector is checked as
soon as it exists; one that needs an argument this file cannot build fails until SELECTOR_ARGUMENTS says how.
"""

import dataclasses
import datetime as dt
import importlib
import inspect
import pkgutil
from dataclasses import dataclass

import pytest
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.db.models import Model, QuerySet
from django.http import Http404

import sanphalang
from sanphalang.errors import AccessDenied

from .records import AreaRecords

pytestmark = pytest.mark.one_database

# What to pass for a required argument other than the user, by its name: the kind of record of the other area
# (the object itself), or for pk the record the selector's name says (organisation_get -> organisation).
# A callable builds the value from the other area's records.
SELECTOR_ARGUMENTS = {
    "fund": "fund",
    "report": "quarterly_report",
    "number": lambda records: 1,
    "audit_round": "audit_round",
    "visit": "audit_visit",
    "meeting_id": "meeting.pk",  # readable_meeting: the meeting where the other area's agreement was signed
    "fund_pk": "fund.pk",
    "person_pk": "person.pk",
    "year_be": "fund_year.year_be",
    "code": "village.parent_id",  # the subdistrict of the other area's village
    "query": lambda records: records.objects["village"].parent.name_th,
    "ids": lambda records: [records.objects["fund"].pk],
    "level": lambda records: "district",
    "person": "person",
    "meeting": "meeting",
    "people": lambda records: [records.objects["person"]],
    "plan": "plan",
    "project": "project",
    "indicator": "indicator",
    "slug": "region.slug",
    "region": "region",
    "province_code": lambda records: records.province_code,
    "area_code": lambda records: records.district_code,
    "household": "household",
    "member": "member",
    "risk_area": "risk_area",
    "incident": "incident",
    "today": lambda records: dt.date.today(),
    # A dashboard of the other area's subdistrict as an administrator reads it: what it holds is then asked of
    # the caller (its overdue items, targets and map must show nothing of the other area).
    "board": lambda records: _administrators_dashboard(records),
    "key": lambda records: "meetings_held",
    "href": lambda records: lambda code: "",
    "document": "source_document",
    "record": "meeting",  # documents_of_record: the reports the other area's meeting was accepted from
    "on": lambda records: None,
}


def _administrators_dashboard(records):
    from sanphalang.accounts.models import Role, User
    from sanphalang.reports.selectors.dashboards import dashboard

    administrator = User.objects.filter(role=Role.ADMINISTRATOR).first()
    return dashboard(user=administrator, code=records.subdistrict_code)


# An argument whose meaning differs for one selector: {selector's short name: {argument: spec}}.
SELECTOR_ARGUMENT_OVERRIDES = {
    "sources_province_for_change": {"code": "source.area_id"},
    "source_coverage_for_change": {"key": "source.area_id"},
    "job_latest": {"kind": lambda records: "import.preview", "batch": "import_batch.pk"},
    "province_overview": {"code": lambda records: records.province_code},
    "import_plan_of": {"batch": "import_batch"},
    # A list pasted to be matched: a name of the other area that holds no marker.
    **{
        name: {"lines": lambda records: [records.objects["village"].parent.name_th, "สำนักงาน"]}
        for name in ("attendance_lines_match", "lines_match")
    },
    "meeting_find": {
        "meeting": lambda records: f"{records.objects['meeting'].number}/{records.objects['meeting'].year_be}"
    },
    # The other area's people, by the marker in their names.
    "household_search": {"query": lambda records: records.marker},
    # The care app's social fund: its selectors share short names with the welfare registry's.
    "sanphalang.care.selectors.fund.ledger": {"fund": "social_fund"},
    "sanphalang.care.selectors.fund.donor_report": {
        "fund": "social_fund",
        "starts_on": lambda records: dt.date(2000, 1, 1),
        "ends_on": lambda records: dt.date.today(),
    },
    "sanphalang.care.selectors.fund.committee_candidates": {
        "province_codes": lambda records: [records.province_code]
    },
    "sanphalang.care.selectors.fund.requests_shown": {
        "requests": lambda records: [records.objects["fund_request"]]
    },
    "sanphalang.care.selectors.fund.request_shown": {"request": "fund_request"},
    # boundaries (administrators only) and comparisons
    "boundary_upload_get": {"upload_pk": lambda records: 1},
    "boundary_job_latest": {"upload": lambda records: None, "kind": lambda records: "boundaries.check"},
    "sanphalang.reports.selectors.comparisons.comparison": {"region": "region.slug"},
}
# pk of a selector whose name does not say its record's kind.
SELECTOR_RECORDS = {
    **{f"document_get{suffix}": "source_document" for suffix in ("", "_for_change")},
    "review_record_get": "source_record",
    "review_record_get_for_change": "source_record",
    **{f"entry_get{suffix}": "progress_entry" for suffix in ("", "_for_change", "_for_decision")},
    "stage_document_get": "stage_event",
    "privacy_household_get": "household",
    "affected_get_for_change": "affected_household",
    **{f"status_case_get{suffix}": "status_case" for suffix in ("", "_for_change")},
    **{f"status_document_get{suffix}": "status_document" for suffix in ("", "_for_change")},
    **{f"housing_get{suffix}": "housing_work" for suffix in ("", "_for_change")},
    "household_for_housing": "household",
    "member_for_status": "member",
    "referral_get_for_answer": "referral",
    "action_item_get_for_progress": "action_item",
    "household_get_for_case": "household",
    "sanphalang.care.selectors.fund.fund_get": "social_fund",
    "sanphalang.care.selectors.fund.fund_get_for_change": "social_fund",
    "sanphalang.care.selectors.fund.entry_get_for_change": "ledger_entry",
    "sanphalang.care.selectors.fund.request_get": "fund_request",
    "sanphalang.care.selectors.fund.request_case_get": "case",
    "sanphalang.care.selectors.fund.request_incident_get": "incident",
}
# The endings that name how a record is fetched, not what it is (fund_get_for_change -> fund).
GETTER_SUFFIXES = ("_get_for_change", "_get_for_erasure", "_get")

# Public functions of the selector modules that take no user, and why they need none.
UNSCOPED_SELECTORS = {
    "sanphalang.ingest.selectors.documents.records_of_document": "what was accepted from a report already fetched for the user",
    "sanphalang.ingest.selectors.review.passages": "the text of a report already fetched for the user",
    "sanphalang.ingest.selectors.review.draft_rows": "the draft of a report already fetched for the user",
    "sanphalang.ingest.selectors.review.progress_areas": "the areas under a report already fetched for the user",
    "sanphalang.welfare.selectors.settle.latest_settlements": "the latest of settlements already fetched for the user",
    "sanphalang.welfare.selectors.settle.open_fields": "the open fields of a fund already fetched for the user",
    "sanphalang.welfare.selectors.settle.open_fields_of": "the open fields of records already fetched for the user",
    "sanphalang.welfare.selectors.settle.settlement_history": "the history of a fund already fetched for the user",
    "sanphalang.welfare.selectors.settle.shown_value": "how a value already read for the user is written",
    "sanphalang.welfare.selectors.settle.stored_value": "how a value already read for the user is stored",
    "sanphalang.welfare.selectors.settle.sources_covering": "the sources of an area of a fund already fetched for the user",
    "sanphalang.welfare.selectors.settle.value_origins": "where the values of a fund already fetched for the user came from",
    "sanphalang.welfare.selectors.sources.coverage_key": "the key of the area a source already fetched for the user covers",
    "sanphalang.welfare.selectors.sources.coverage_of": "the area a source already fetched for the user covers",
    "sanphalang.welfare.selectors.sources.guess_kind": "a guess from a name the user typed",
    "sanphalang.meetings.selectors.attendance.attendee_key": "how a record already fetched for the user is named in a form",
    "sanphalang.meetings.selectors.attendance.kind_proposed_for": "a guess from a name the user typed",
    "sanphalang.meetings.selectors.attendance.pasted_lines": "the lines of a list the user pasted",
    "sanphalang.welfare.selectors.sources.province_has_sources": "a yes or no for a province the user may change, checked first",
    "sanphalang.welfare.selectors.sources.remembered_mappings": "headings remembered for an area the user may change, checked first",
    "sanphalang.welfare.selectors.sources.require_source_write": "a rule on the user's role and areas, returns nothing",
    "sanphalang.welfare.selectors.sources.source_area_name": "the name of the area of a source already fetched for the user",
    "sanphalang.welfare.selectors.sources.source_coverage": "an area of the country's map named by its key",
    "sanphalang.welfare.selectors.sources.source_label": "the name of a source already fetched for the user",
    "sanphalang.welfare.selectors.sources.source_province_codes": "the provinces a source already fetched for the user covers",
    "sanphalang.welfare.selectors.sources.source_rows_in_area": "checks of the rows of a file the user gave",
    "sanphalang.welfare.selectors.sources.source_visible_q": "the rule itself: a condition on the user's areas",
    "sanphalang.welfare.selectors.sources.sources_covering_q": "a condition, applied to lists already scoped",
    "sanphalang.welfare.selectors.sources.status_recognised": "whether a word the user's file holds is a status",
    "sanphalang.welfare.selectors.sources.upload_coverage": "the area of an upload already fetched for the user",
    "sanphalang.welfare.selectors.worklist.shown_values": "how values of rows already fetched for the user are written",
    "sanphalang.welfare.selectors.worklist.worklist_field_counts": "counts of a worklist already scoped to the user",
    "sanphalang.areas.selectors.area_search": "areas are the country's map, the same for everyone",
    "sanphalang.areas.selectors.area_children": "areas are the country's map, the same for everyone",
    "sanphalang.areas.selectors.area_get": "areas are the country's map, the same for everyone",
    "sanphalang.areas.selectors.area_path": "areas are the country's map, the same for everyone",
    "sanphalang.areas.selectors.province_list": "areas are the country's map, the same for everyone",
    "sanphalang.areas.selectors.region_list": "regions group provinces for everyone to read",
    "sanphalang.directory.selectors.can_edit_issue_area": "a rule on an issue area already fetched for the user",
    "sanphalang.directory.selectors.issue_area_province_choices": "the provinces the user writes in, from the map",
    "sanphalang.directory.selectors.require_issue_area_adder": "a rule on the user's role and areas, returns nothing",
    "sanphalang.meetings.selectors.action_items.action_item_series": "the occurrences of an item already fetched "
    "for the user",
    "sanphalang.meetings.selectors.action_items.action_item_progress": "the reports on an item already fetched "
    "for the user",
    "sanphalang.meetings.selectors.action_items.overdue_q": "a condition, applied to lists already scoped",
    "sanphalang.meetings.selectors.action_items.with_overdue_flag": "a flag on items already fetched for the user",
    "sanphalang.plans.selectors.stages.charters_enacted_rows": "rows a counted target sums for its areas and "
    "period, not records shown to a reader (plans/counting.py)",
    "sanphalang.plans.selectors.stages.registrations_completed_rows": "rows a counted target sums for its areas "
    "and period, not records shown to a reader (plans/counting.py)",
    "sanphalang.care.selectors.housing.housing_completed_rows": "rows a counted target sums for its areas and "
    "period, not records shown to a reader (plans/counting.py)",
    "sanphalang.care.selectors.risks.in_season_q": "a condition, applied to lists already scoped",
    "sanphalang.care.selectors.shown.age_in": "arithmetic on a member already fetched for the user",
    "sanphalang.plans.selectors.progress.area_parent": "an area and the areas below it: the country's map",
    "sanphalang.plans.selectors.progress.region_parent": "a region's provinces, which everyone reads",
    "sanphalang.plans.selectors.progress.plan_parent": "the area of a plan already fetched for the user",
    "sanphalang.plans.selectors.progress.rollup": "sums of targets already fetched for the user",
    "sanphalang.plans.selectors.progress.standing_of": "arithmetic on figures already read for the user",
    "sanphalang.care.selectors.fund.ledger_balances": "the check of a fund's ledger already fetched for the user",
    "sanphalang.welfare.selectors.figures.add_figures": "arithmetic on figures already read for the user",
    "sanphalang.welfare.selectors.figures.benefits_total": "arithmetic on figures already read for the user",
    "sanphalang.welfare.selectors.figures.matching_total": "arithmetic on figures already read for the user",
    "sanphalang.welfare.selectors.figures.year_rows": "arithmetic on figures already read for the user",
    "sanphalang.welfare.selectors.figures.fund_year_of": "a year of a fund already fetched for the user",
    "sanphalang.welfare.selectors.figures.province_regions": "regions group provinces for everyone to read",
    "sanphalang.welfare.selectors.reconcile.review_record_area": "the area code of a record already fetched",
    "sanphalang.welfare.selectors.settle.disagreements": "the sources of a fund already fetched for the user",
    "sanphalang.welfare.selectors.settle.settlement_conflicts": "the sources of a fund already fetched for the user",
    "sanphalang.welfare.selectors.sources.source_upload_preview": "a preview of an upload already fetched for "
    "its uploader",
    "sanphalang.welfare.selectors.sources.source_upload_suggestion": "a mapping for an upload already fetched for "
    "its uploader",
    "sanphalang.care.selectors.households.national_id_digits": "reads the digits of a typed query, no records",
    "sanphalang.welfare.selectors.sources.source_upload_table": "the file of an upload already fetched for its "
    "uploader",
    "sanphalang.care.selectors.privacy.household_record_ids": "the records of a household already fetched for an "
    "administrator",
    "sanphalang.reports.selectors.dashboards.quarter_of": "the quarter holding a day, no records",
    "sanphalang.reports.selectors.dashboards.year_value": "arithmetic on figures already counted for the user",
    "sanphalang.reports.selectors.comparisons.current_year": "today's year, no records",
    "sanphalang.reports.selectors.comparisons.check_year": "checks a typed year, no records",
    "sanphalang.reports.selectors.dashboards.breadcrumb": "the areas above a place already fetched for the user",
    "sanphalang.reports.selectors.dashboards.figure_chart": "a chart of figures already counted for the user",
    "sanphalang.reports.selectors.dashboards.chart_rows": "the data of a chart already counted for the user",
}

# Records that belong to the whole province: a coordinator of another district of it may read them.
PROVINCE_KINDS = {
    "issue_area",
    "source",
    "audit_round",
    "source_upload",
    "region",
    "village",
    # Plans and what is under them are read province-wide.
    "plan",
    "project",
    "budget_line",
    "indicator",
    "target_split",
    "progress_entry",
    "province_organisation",
    "province_person",
    "main_work",
    "agreement",
    "agreement_party",
    "signatory",
    "agreement_document",
    "charter",
    "stage_event",
    "registration",
    "registration_stage_event",
    # The social fund is read by all who work in its province.
    "social_fund",
    "ledger_entry",
    "fund_request",
}
REFUSALS = (Http404, AccessDenied, ObjectDoesNotExist, PermissionDenied)
# Selectors that list the areas of a province-wide plan, each with its aggregate figures: the area tree is public
# (every page's map shows it), so another district's code is no secret there; its records and markers still are.
AREA_TREE_SELECTORS = {
    "indicator_rollup": "a province's target rolled up per district of the province",
    "indicator_splits": "a province's target split per district of the province",
    "plan_progress": "a province's targets rolled up per district",
    "province_rollup": "a province's targets rolled up per district",
    "indicator_series": "a province's target per period",
    "region_comparison": "a region's provinces side by side",
    "previous_year": "last year's targets of the province, per district",
    "split_editor_areas": "the districts of the plan's province a split can go to",
    "dashboard_targets": "a province's targets for an area of the province, per area below it",
}


def _is_selector_module(name: str) -> bool:
    return any(part.startswith("selectors") for part in name.split(".")[1:])


def selector_modules():
    for info in pkgutil.walk_packages(sanphalang.__path__, "sanphalang."):
        if _is_selector_module(info.name):
            yield importlib.import_module(info.name)


def _functions(module):
    return [
        (f"{module.__name__}.{name}", function)
        for name, function in inspect.getmembers(module, inspect.isfunction)
        if function.__module__ == module.__name__ and not name.startswith("_")
    ]


def _takes_user(function) -> bool:
    parameter = inspect.signature(function).parameters.get("user")
    return parameter is not None and parameter.kind is inspect.Parameter.KEYWORD_ONLY


ALL_FUNCTIONS = [entry for module in selector_modules() for entry in _functions(module)]
SELECTORS = [(name, function) for name, function in ALL_FUNCTIONS if _takes_user(function)]


@dataclass(frozen=True)
class Caller:
    key: str
    user: str  # the cast's attribute
    records: str
    province_too: bool  # whether the records of the whole province must not show either

    def hidden_codes(self, records: AreaRecords) -> set[str]:
        codes = {records.district_code, records.subdistrict_code}
        return codes | {records.province_code} if self.province_too else codes


CALLERS = [
    Caller("other_district_coordinator", "mueang_coordinator", "maesai", province_too=False),
    Caller("unassigned_of_maesai", "unassigned", "maesai", province_too=True),
    Caller("unassigned_of_phayao", "unassigned", "phayao", province_too=True),
    Caller("viewer_of_another_province", "chiangrai_viewer", "phayao", province_too=True),
]


def _arguments(name: str, function, records: AreaRecords) -> dict:
    arguments = {}
    short = name.rsplit(".", 1)[-1]
    for parameter in inspect.signature(function).parameters.values():
        if parameter.name == "user" or parameter.default is not inspect.Parameter.empty:
            continue
        if parameter.name == "pk":
            kind = (
                SELECTOR_RECORDS.get(name)
                or SELECTOR_RECORDS.get(short)
                or next(
                    (short.removesuffix(suffix) for suffix in GETTER_SUFFIXES if short.endswith(suffix)),
                    short,
                )
            )
            assert kind in records.objects, (
                f"{name} takes a pk of a record the access tests do not know: say which in SELECTOR_RECORDS "
                "in tests/access/test_selectors.py"
            )
            arguments["pk"] = records.pk(kind)
            continue
        overrides = SELECTOR_ARGUMENT_OVERRIDES.get(name) or SELECTOR_ARGUMENT_OVERRIDES.get(short, {})
        spec = overrides.get(parameter.name) or SELECTOR_ARGUMENTS.get(parameter.name)
        assert spec is not None, (
            f"{name} needs the argument {parameter.name!r}, which the access tests cannot build: say in "
            "SELECTOR_ARGUMENTS in tests/access/test_selectors.py which record of the other area to pass"
        )
        if callable(spec):
            arguments[parameter.name] = spec(records)
            continue
        kind, _, attribute = spec.partition(".")
        arguments[parameter.name] = (
            getattr(records.objects[kind], attribute) if attribute else records.objects[kind]
        )
    return arguments


def _contents(value, seen=None):
    """Every model instance and every string in a selector's result, however it is nested."""
    if isinstance(value, QuerySet):
        value = list(value)
    if isinstance(value, Model):
        yield value
    elif isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _contents(key)
            yield from _contents(item)
    elif isinstance(value, list | tuple | set | frozenset):
        for item in value:
            yield from _contents(item)
    elif dataclasses.is_dataclass(value):
        for item in dataclasses.fields(value):
            yield from _contents(getattr(value, item.name))


@pytest.mark.parametrize(("caller"), CALLERS, ids=[caller.key for caller in CALLERS])
@pytest.mark.parametrize(("name", "function"), SELECTORS, ids=[name for name, _ in SELECTORS])
def test_the_selector_returns_nothing_of_another_area(world, db, name, function, caller):
    # given the records of another area, and a caller who works elsewhere
    records = world.records(caller.records)
    hidden = {
        (type(record), record.pk)
        for kind, record in records.objects.items()
        if caller.province_too or kind not in PROVINCE_KINDS
    }
    markers = records.secrets(province=caller.province_too, national_id=True)
    area_tree = name.rsplit(".", 1)[1] in AREA_TREE_SELECTORS and not caller.province_too
    codes = set() if area_tree else caller.hidden_codes(records)
    # when the caller calls the selector with them
    try:
        result = function(user=getattr(world.cast, caller.user), **_arguments(name, function, records))
    except REFUSALS:
        return
    # then the result holds none of them
    for item in _contents(result):
        if isinstance(item, Model):
            assert (type(item), item.pk) not in hidden, (
                f"{name} gave {caller.key} {item!r} of {records.label}"
            )
        else:
            shown = [marker for marker in markers if marker in item]
            assert not shown and item not in codes, f"{name} gave {caller.key} {item!r} of {records.label}"


def test_every_selector_module_is_found():
    # then both layouts are walked: selectors.py modules and their topic modules
    found = {name.rsplit(".", 1)[0] for name, _ in ALL_FUNCTIONS}
    assert {
        "sanphalang.directory.selectors",
        "sanphalang.meetings.selectors.bodies",
        "sanphalang.welfare.selectors.audits",
    } <= found
    assert _is_selector_module("sanphalang.welfare.selectors.audits")
    assert not _is_selector_module("sanphalang.welfare.services")


def test_every_selector_without_a_user_says_why():
    # given the public functions of the selector modules that take no user
    unscoped = {name for name, function in ALL_FUNCTIONS if not _takes_user(function)}
    # then each is one that needs none, and the list names none that has gone
    assert unscoped - set(UNSCOPED_SELECTORS) == set(), (
        "These selectors take no user: give them a keyword-only user and filter by it, or say in "
        "UNSCOPED_SELECTORS in tests/access/test_selectors.py why they need none"
    )
    assert set(UNSCOPED_SELECTORS) - unscoped == set()
