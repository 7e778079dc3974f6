"""The welfare app's error codes and their messages, in one place: the pages, the API and the CLI show these.
A member with a third value is a database constraint's error and names the form field it belongs to."""

from django.utils.translation import gettext_lazy as _

from sanphalang.errors import ErrorCode


class WelfareError(ErrorCode):
    # Sources and their rows
    UNKNOWN_FIELD = ("unknown_field", _("Unknown fields: %(fields)s"))
    MAPPING_STALE = (
        "mapping_stale",
        _(
            "The file has no column %(columns)s that the column mapping names; the layout "
            "has changed. Map the columns again."
        ),
    )
    NO_FUND_NAME = (
        "no_fund_name",
        _(
            "No column of the file holds the fund's name (expected a heading such as "
            "“ชื่อกองทุน” or “fund name”). Headings found: %(headings)s"
        ),
    )
    MAPPING_REPEATS_COLUMN = (
        "mapping_repeats_column",
        _("The column “%(column)s” is mapped to more than one field."),
    )
    SOURCE_UNNAMED = ("source_unnamed", _("Name the source."))
    NO_SUCH_AREA = ("no_such_area", _("No area has the code %(code)s."))
    CHOOSE_PROVINCE = ("choose_province", _("Choose a province."))
    ROWS_REFUSED = (
        "bad_rows",
        _(
            "%(count)s rows cannot be imported, so nothing was changed: %(rows)s. Correct them, or "
            "choose to skip bad rows."
        ),
    )
    ROW_REFUSED_AT = ("bad_row", _("line %(line)s, %(column)s: %(message)s"))
    ROW_WITHOUT_NAME = ("row_without_name", _("This row has no fund name."))
    MEMBERS_UNREADABLE = ("members_unreadable", _("“%(value)s” is not a number of members."))
    FOUNDED_UNREADABLE = (
        "founded_unreadable",
        _("“%(value)s” is not a date: write it as 20/7/2558 or 20 ก.ค. 2558."),
    )
    ROW_OTHER_PROVINCE = (
        "row_other_province",
        _("province %(province)s is not this source's area (%(area)s)"),
    )
    ROW_PROVINCE_UNKNOWN = (
        "row_province_unknown",
        _("the row names no province that the source covers; give its province or tambon"),
    )
    ROW_AREA_UNKNOWN = (
        "row_area_unknown",
        _("“%(value)s” is no tambon, district or province of %(area)s"),
    )
    STATUS_UNRECOGNISED = (
        "status_unrecognised",
        _("“%(value)s” is not a status we know: write ดำเนินการ, หยุดดำเนินการ, ยุบ/เลิก or ไม่ทราบ"),
    )
    SOURCE_EMPTY = (
        "source_empty",
        _("The file has no rows of funds below its headings, so nothing was imported."),
    )
    SOURCE_ALL_ROWS_BAD = (
        "source_all_rows_bad",
        _("Every row of the file is bad (%(count)s rows), so nothing was imported: %(rows)s"),
    )
    UNKNOWN_SOURCE_KIND = ("unknown_source_kind", _("Choose the kind of source."))
    CHOOSE_SOURCE_AREA = (
        "choose_source_area",
        _("Choose the area the source covers: a province, a region or Thailand."),
    )
    FILE_ALREADY_IMPORTED = ("file_already_imported", _("This file has already been imported."))
    ALREADY_SETTLED = ("already_settled", _("This value was settled already, for the same reason."))
    # Reconciling and the review queue
    NO_SOURCES_TO_RECONCILE = ("no_sources", _("This province has no sources to reconcile yet."))
    MERGE_NEEDS_FUND = ("merge_needs_fund", _("Give the number of the fund to merge into."))
    REVIEW_ACTION_UNKNOWN = ("review_action_unknown", _("Choose confirm, merge or split."))
    SPLIT_SAME_NAME = (
        "split_same_name",
        _("A fund of this name in this area is the one the record is linked to; rename that fund first."),
    )
    # The registry
    FUND_NEEDS_NAME = ("fund_needs_name", _("A fund needs a name."))
    FOUNDED_IN_FUTURE = ("founded_in_future", _("A fund cannot be founded in the future."))
    SETTLED_FIELD = (
        "settled_field",
        _(
            "This value changes through the settle step on the fund's page, which "
            "keeps who decided it and why."
        ),
    )
    NO_AREA_CHOSEN = ("no_area_chosen", _("Choose the area this record belongs to."))
    NOT_A_SUBDISTRICT = (
        "not_a_subdistrict",
        _(
            "A fund belongs to a subdistrict (tambon); for a municipality fund, "
            "choose the subdistrict it is in and tick municipality fund."
        ),
    )
    REGISTRATION_UNMARKED = (
        "registration_unmarked",
        _("A registration date needs the fund to be marked as registered as a welfare organisation."),
    )
    REGISTERED_IN_FUTURE = ("registered_in_future", _("The registration date cannot be in the future."))
    UNKNOWN_ORGANISATION = (
        "unknown_organisation",
        _("One of the organisations is unknown or outside your areas."),
    )
    ENTRY_LINKED_ELSEWHERE = (
        "entry_linked_elsewhere",
        _("This directory entry is already linked to another fund."),
    )
    # Settling
    NOT_SETTLEABLE = ("not_settleable", _("This field cannot be settled."))
    SETTLE_NEEDS_REASON = ("settle_needs_reason", _("Say why this value is the right one."))
    SETTLE_NEEDS_VALUE = ("settle_needs_value", _("Give the value, or the source record to take it from."))
    RECORD_NOT_OF_FUND = ("record_not_of_fund", _("That record is not linked to this fund."))
    VALUE_UNREADABLE = ("value_unreadable", _("“%(value)s” cannot be read as this field."))
    # Yearly figures and the roll-up
    YEAR_OUT_OF_RANGE = ("year_out_of_range", _("Give a year (BE) from %(first)s to %(last)s."))
    NEGATIVE_FIGURE = ("negative_figure", _("A figure cannot be negative."))
    NO_FIGURES = ("no_figures", _("Give at least one figure for the year."))
    AGE_GROUPS_EXCEED_MEMBERS = (
        "age_groups_exceed_members",
        _("The age groups add up to %(groups)s, more than the %(members)s members."),
    )
    FUND_NOT_FOUND = (
        "fund_not_found",
        _("No fund in your areas matches %(name)s. Register it, or import and reconcile the sources first."),
    )
    FUND_AMBIGUOUS = (
        "fund_ambiguous",
        _("Several funds in your areas match %(name)s: add the subdistrict, the district or the fund code."),
    )
    FUND_UNNAMED = ("fund_unnamed", _("Give the fund's name or its fund code."))
    NOT_A_NUMBER = ("not_a_number", _("%(value)s is not a number."))
    NOT_A_WHOLE_NUMBER = ("not_a_whole_number", _("%(value)s is not a whole number."))
    NOT_A_YEAR = ("not_a_year", _("%(value)s is not a year: write it as 2567."))
    ROLLUP_LEVEL_UNKNOWN = ("rollup_level_unknown", _("Roll up by district, province, region or country."))
    # Audit visits
    CHECKLIST_EMPTY = ("checklist_empty", _("A checklist needs at least one question."))
    CHECKLIST_REPEATS = ("checklist_repeats", _("Each question may appear only once: %(items)s"))
    VISIT_OUTSIDE_ROUND = ("visit_outside_round", _("Plan the visit within the round, %(start)s – %(end)s."))
    FUND_OUTSIDE_ROUND_PROVINCE = (
        "fund_outside_round_province",
        _("This fund is not in the round's province."),
    )
    TEAM_OUTSIDE_AREAS = (
        "team_outside_areas",
        _("Team members must be people in the directory of the areas you are assigned to."),
    )
    ANSWERED_QUESTIONS_KEPT = (
        "answered_questions_kept",
        _("Visits have answered these questions, so they cannot be removed or reworded: %(items)s"),
    )
    VISITS_BEFORE_START = (
        "visits_before_start",
        _("Visits are planned before this date: %(visits)s. Move or remove them first."),
    )
    VISITS_AFTER_END = (
        "visits_after_end",
        _("Visits are planned after this date: %(visits)s. Move or remove them first."),
    )
    RECORDED_VISIT_KEPT = (
        "recorded_visit_kept",
        _(
            "This visit has been recorded (visit date, checklist answers or findings). The record is evidence of the "
            "audit, so the visit cannot be removed from the round."
        ),
    )
    NOT_ON_CHECKLIST = ("not_on_checklist", _("Not on this round's checklist: %(items)s"))
    ANSWER_UNKNOWN = ("answer_unknown", _("Answer yes, no, partly or n/a: %(items)s"))
    VISIT_IN_FUTURE = ("visit_in_future", _("A visit cannot be recorded before it happens."))
    NOT_CORRECTABLE = ("not_correctable", _("This field of the registry cannot be corrected by a finding."))
    CORRECTION_HALF_GIVEN = ("correction_half_given", _("Give both the field to correct and its new value."))
    NO_CORRECTION_PROPOSED = (
        "no_correction_proposed",
        _("This finding proposes no correction to the registry."),
    )
    CORRECTION_SETTLED = ("correction_settled", _("This finding's correction has already been settled."))
    # Database constraints
    FUND_NAME_TAKEN = ("fund_name_taken", _("A fund with this name is already registered in this area."))
    FUND_ALREADY_IN_ROUND = ("fund_already_in_round", _("This fund is already in the round."), "fund")
    ROUND_ENDS_BEFORE_START = ("round_ends_before_start", _("A round ends after it starts."))
    YEAR_ALREADY_RECORDED = (
        "year_already_recorded",
        _("This fund already has figures for this year."),
        "year_be",
    )
    SOURCE_NAME_TAKEN = ("source_name_taken", _("This area already has a source of this name."))
    SOURCE_ROW_TAKEN = ("source_row_taken", _("This source already has a record of this row."))
    SOURCE_AREA_MISSING = (
        "source_area_missing",
        _("A source covers one area: a province, a region or Thailand."),
    )
