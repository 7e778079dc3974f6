"""The plans app's error codes and their messages, in one place: the pages, the API and the CLI show these.
A member with a third value is a database constraint's error and names the form field it belongs to."""

from django.utils.translation import gettext_lazy as _

from sanphalang.errors import ErrorCode


class PlanError(ErrorCode):
    # Plans and main works
    PLAN_NEEDS_ONE_OWNER = (
        "plan_needs_one_owner",
        _("A plan belongs to one area or one region: choose one of them."),
        "area",
    )
    PLAN_TITLE_TAKEN = (
        "plan_title_taken",
        _("This area already has a plan of this name for the year."),
        "title",
    )
    YEAR_OUT_OF_RANGE = ("year_out_of_range", _("Give a Buddhist Era year between 2500 and 2700."), "year_be")
    MAIN_WORK_NUMBER_TAKEN = (
        "main_work_number_taken",
        _("The plan already has a main work with this number."),
        "number",
    )
    NOT_A_PROVINCE_OR_BELOW = ("not_an_area_for_plans", _("Choose a province, district or subdistrict."))
    # Agreements
    AGREEMENT_SIGNED_IN_FUTURE = (
        "agreement_signed_in_future",
        _("An agreement cannot be signed in the future."),
        "signed_on",
    )
    PARTY_ALREADY_IN_AGREEMENT = (
        "party_already_in_agreement",
        _("This organisation is a party to the agreement already."),
        "organisation",
    )
    SIGNATORY_NEEDS_NAME = ("signatory_needs_name", _("Choose the person who signed."), "person")
    # Projects and budgets
    PROJECT_NEEDS_HOME = (
        "project_needs_home",
        _("A project belongs to a plan or an agreement: choose one."),
        "plan",
    )
    PROJECT_ENDS_BEFORE_START = (
        "project_ends_before_start",
        _("A project cannot end before it starts."),
        "ends_on",
    )
    EXTERNAL_ID_TAKEN = (
        "external_id_taken",
        _("Another record of this plan has this external id already."),
        "external_id",
    )
    BUDGET_NOT_POSITIVE = ("budget_not_positive", _("A budget line needs an amount above zero."), "amount")
    AREA_OUTSIDE_OWNER = (
        "area_outside_owner",
        _("This area is outside the area of the plan."),
        "area",
    )
    # Targets and progress
    INDICATOR_NEEDS_PLAN = ("indicator_needs_plan", _("A target belongs to a plan."), "plan")
    TARGET_NOT_POSITIVE = ("target_not_positive", _("A target needs a value above zero."), "target")
    PERCENT_ABOVE_100 = ("percent_above_100", _("A percentage cannot be above 100."), "target")
    SPLIT_AREA_TAKEN = (
        "split_area_taken",
        _("This target is split to this area already; change that line instead."),
        "area",
    )
    COUNTED_TARGET_TYPED = (
        "counted_target_typed",
        _("This target counts its progress from records; its progress cannot be typed."),
    )
    VALUE_NEGATIVE = ("value_negative", _("Progress cannot be below zero."), "value")
    DENOMINATOR_NEEDED = (
        "denominator_needed",
        _("A percentage is entered as its parts: give how many out of how many."),
        "denominator",
    )
    NUMERATOR_ABOVE_DENOMINATOR = (
        "numerator_above_denominator",
        _("The part cannot be larger than the whole."),
        "value",
    )
    PERIOD_OUTSIDE_TARGET = (
        "period_outside_target",
        _("This period is outside the target's time frame (%(start)s to %(end)s)."),
        "period",
    )
    ENTRY_EXISTS = (
        "entry_exists",
        _("This area has an entry for this period already; correct that entry instead."),
        "period",
    )
    PERIOD_LOCKED = (
        "period_locked",
        _("This period was approved by the province and is locked; an administrator can reopen it."),
    )
    ENTRY_ALREADY_APPROVED = ("entry_already_approved", _("This entry was approved already."))
    RETURN_NEEDS_REASON = ("return_needs_reason", _("Say why the entry is returned."), "reason")
    NOTHING_TO_APPROVE = ("nothing_to_approve", _("No entry of this period waits for approval."))
    PERIOD_NOT_LOCKED = ("period_not_locked", _("This period is not locked."))
    REOPEN_NEEDS_REASON = ("reopen_needs_reason", _("Say why the period is reopened."), "reason")
    PERIOD_UNKNOWN = ("period_unknown", _("Choose a period of the target's time frame."), "period")
    ROLLUP_LEVEL_UNKNOWN = ("rollup_level_unknown", _("Choose district, subdistrict or village."), "level")
    # Charters and registrations
    CHARTER_NOT_IN_SUBDISTRICT = (
        "charter_not_in_subdistrict",
        _("An area charter belongs to a subdistrict (tambon)."),
        "area",
    )
    STAGE_UNKNOWN = ("stage_unknown", _("Choose one of the stages offered."), "stage")
    STAGE_DATE_IN_FUTURE = (
        "stage_date_in_future",
        _("A stage cannot be reached in the future."),
        "happened_on",
    )
    STAGE_BEFORE_PREVIOUS = (
        "stage_before_previous",
        _("This date is before the previous stage (%(date)s)."),
        "happened_on",
    )
    STAGE_UNCHANGED = ("stage_unchanged", _("The record is at this stage already."), "stage")
    REGISTRATION_NEEDS_SUBJECT = (
        "registration_needs_subject",
        _("Choose the organisation or the fund that registers."),
        "organisation",
    )
    EXPIRES_BEFORE_REGISTERED = (
        "expires_before_registered",
        _("A registration cannot expire before it was made."),
        "expires_on",
    )
    # Projects and targets, continued
    MAIN_WORK_NOT_IN_PLAN = (
        "main_work_not_in_plan",
        _("Choose a main work of this plan."),
        "main_work",
    )
    PROJECT_NOT_IN_PLAN = ("project_not_in_plan", _("Choose a project of this plan."), "project")
    PROJECT_AREA_NEEDED = (
        "project_area_needed",
        _("Choose the province, district or subdistrict the project belongs to."),
        "area",
    )
    PROJECT_HAS_APPROVED_PROGRESS = (
        "project_has_approved_progress",
        _("This project has targets with approved progress; it cannot be deleted. Set its status instead."),
    )
    INDICATOR_HAS_APPROVED_PROGRESS = (
        "indicator_has_approved_progress",
        _("This target has approved progress; it cannot be deleted."),
    )
    SPLIT_AREA_OUTSIDE_PLAN = (
        "split_area_outside_plan",
        _("%(area)s is outside the area of the plan."),
        "splits",
    )
    SPLIT_PERCENT_ABOVE_100 = (
        "split_percent_above_100",
        _("The target of %(area)s is above 100 percent."),
        "splits",
    )
    SPLIT_NEGATIVE = ("split_negative", _("The target of %(area)s is below zero."), "splits")
    SPLIT_SUM_DIFFERS = (
        "split_sum_differs",
        _("The areas' targets add up to %(total)s of %(whole)s."),
        "splits",
    )
    SPLIT_SUM_DIFFERS_IN = (
        "split_sum_differs_in",
        _("The targets of the areas in %(area)s add up to %(total)s of %(whole)s."),
        "splits",
    )
    # Plans and agreements: owners, links and removals
    NO_SUCH_REGION = ("no_such_region", _("There is no region with this short name."), "region_slug")
    MEETING_NOT_VISIBLE = (
        "meeting_not_visible",
        _("Choose a meeting or forum of your areas."),
        "meeting",
    )
    ISSUE_AREA_NOT_VISIBLE = (
        "issue_area_not_visible",
        _("Choose issue areas of the plan's province or the national ones."),
        "issue_area_ids",
    )
    STRATEGY_UNKNOWN = ("strategy_unknown", _("Choose strategies of the national strategy."), "strategy_ids")
    PLAN_HAS_RECORDS = (
        "plan_has_records",
        _(
            "This plan cannot be deleted while it has projects, targets or agreements. "
            "Remove them or link them to another plan first."
        ),
    )
    AGREEMENT_NEEDS_AREA = (
        "agreement_needs_area",
        _("Choose the area the agreement belongs to, or the plan it serves."),
        "area_code",
    )
    PLAN_NOT_VISIBLE = ("plan_not_visible", _("Choose a plan of your province."), "plan")
    AGREEMENT_HAS_PROJECTS = (
        "agreement_has_projects",
        _("This agreement cannot be deleted while projects belong to it."),
    )
    ORGANISATION_NOT_VISIBLE = (
        "organisation_not_visible",
        _("Choose an organisation of your areas."),
        "organisation",
    )
    PERSON_NOT_VISIBLE = ("person_not_visible", _("Choose a person of your areas."), "person")
    STAGE_EVENT_NOT_LATEST = (
        "stage_event_not_latest",
        _("Only the latest stage reached can be removed."),
    )
    ORGANISATION_NOT_SHOWN = (
        "organisation_not_shown",
        _("Choose an organisation of your areas or an agency above them."),
    )
    SUBJECT_OUTSIDE_PROVINCE = (
        "registration_subject_outside_province",
        _("The organisation and the fund that register together must be of one province."),
        "fund",
    )
    # Import files of a plan's projects, targets and progress
    IMPORT_PLAN_NEEDED = ("import_plan_needed", _("Choose the plan the file's rows belong to."), "plan")
    IMPORT_PLAN_READ_ONLY = (
        "import_plan_read_only",
        _("You may read this plan but not change its projects and targets: choose a plan of your areas."),
        "plan",
    )
    EXTERNAL_ID_NEEDED = (
        "external_id_needed",
        _("Write the record's external id: a re-import finds the record by it."),
        "external_id",
    )
    NO_SUCH_PROJECT_EXTERNAL_ID = (
        "no_such_project_external_id",
        _("The plan has no project with the external id %(value)s."),
        "project",
    )
    NO_SUCH_TARGET_EXTERNAL_ID = (
        "no_such_target_external_id",
        _("The plan has no target with the external id %(value)s."),
        "indicator",
    )
    NO_SUCH_PLAN_AREA = (
        "no_such_plan_area",
        _("%(value)s is not an area of the plan: write its code (such as 5601 or 560101) or its name."),
        "area",
    )
    PLAN_AREA_NAME_AMBIGUOUS = (
        "plan_area_name_ambiguous",
        _("Several areas of the plan are named %(value)s: write its code."),
        "area",
    )
    UNKNOWN_CHOICE = ("unknown_choice", _("%(value)s is not one of: %(choices)s."))
    NOT_A_NUMBER = ("not_a_number", _("%(value)s is not a number."))
    NOT_YES_OR_NO = ("not_yes_or_no", _("Write yes or no, not %(value)s."), "accumulates")
    NO_SUCH_MEASURE = (
        "no_such_measure",
        _("There is no common measure with the short name %(value)s."),
        "measure",
    )
    PERIOD_NOT_READ = (
        "period_not_read",
        _(
            "%(value)s is not a period of the plan: write it as Quarter 1/2568, Q1/2568 or its first day, "
            "such as 1/10/2567."
        ),
        "period",
    )
    ENTRY_APPROVED_NOT_IMPORTED = (
        "entry_approved_not_imported",
        _("This entry was approved; a file cannot change it. Correct it on the target's page."),
        "value",
    )
    BUDGET_SOURCE_SHARED = (
        "budget_source_shared",
        _("The project has several budget lines from this source: change them on the project's page."),
        "amount",
    )
    BUDGET_NEEDS_SOURCE_AND_AMOUNT = (
        "budget_needs_source_and_amount",
        _("Give a budget's source and its amount together."),
        "amount",
    )
    ROW_AREA_NEEDED = ("row_area_needed", _("Write the area's code or its name."), "area")
    VALUE_NEEDED = ("value_needed", _("Write the progress of the period."), "value")
    PROJECT_ROWS_DIFFER = (
        "project_rows_differ",
        _("Another row of the file gives this project other details: write them alike on each of its rows."),
        "name",
    )
