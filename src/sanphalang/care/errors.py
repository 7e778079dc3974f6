"""The care app's error codes and their messages, in one place: the pages, the API and the CLI show these.
A member with a third value is a database constraint's error and names the form field it belongs to."""

from django.utils.translation import gettext_lazy as _

from sanphalang.errors import ErrorCode


class CareError(ErrorCode):
    # Households and members
    NOT_A_HOME_AREA = (
        "not_a_home_area",
        _("Choose the subdistrict, village or community the household lives in."),
        "area",
    )
    PURPOSE_REQUIRED = (
        "purpose_required",
        _("Say what the household's data is collected for (PDPA section 23)."),
        "purpose",
    )
    CONSENT_DATE_REQUIRED = (
        "consent_date_required",
        _("Consent is the legal basis: give the day it was given."),
        "consent_on",
    )
    NATIONAL_ID_INVALID = (
        "national_id_invalid",
        _("This is not a valid 13-digit national ID."),
        "national_id",
    )
    NATIONAL_ID_TAKEN = (
        "care_national_id_taken",
        _("A person with this national ID is registered already."),
        "national_id",
    )
    NO_ID_REASON_REQUIRED = (
        "no_id_reason_required",
        _("A person without a national ID needs the reason (stateless, not yet registered, unknown)."),
        "no_national_id_reason",
    )
    BIRTH_YEAR_OUT_OF_RANGE = (
        "birth_year_out_of_range",
        _("Give a Buddhist Era year of birth between 2400 and this year."),
        "birth_year",
    )
    POSSIBLE_DUPLICATE = (
        "possible_duplicate",
        _(
            "A household that may be the same is registered already: compare them, then register anyway with a reason or open the one found."
        ),
    )
    OVERRIDE_REASON_REQUIRED = (
        "override_reason_required",
        _("Say why this is not the household found (at least 10 characters)."),
        "override_reason",
    )
    HOUSEHOLD_ERASED = ("household_erased", _("This household's personal data has been erased."))
    # Cases
    CASE_CLOSED = ("case_closed", _("This case is closed: reopen it to change it."))
    SECOND_PERSON_REQUIRED = (
        "second_person_required",
        _("Another person must approve this: the one who asked cannot approve it."),
    )
    NOTHING_TO_APPROVE = ("nothing_to_approve", _("There is nothing waiting for approval on this case."))
    # The social fund
    AMOUNT_NOT_POSITIVE = ("amount_not_positive", _("Give an amount above zero baht."), "amount")
    NOT_ENOUGH_BALANCE = (
        "not_enough_balance",
        _("The fund holds %(balance)s baht: it cannot pay %(amount)s baht."),
        "amount",
    )
    LEDGER_IS_APPEND_ONLY = (
        "ledger_is_append_only",
        _("A ledger entry is never changed or deleted: reverse it with a new entry."),
    )
    ALREADY_REVERSED = ("already_reversed", _("This entry has been reversed already."))
    # Dates
    DATE_IN_FUTURE = ("date_in_future", _("This date is in the future."))
    ENDS_BEFORE_START = ("ends_before_start", _("The end cannot come before the start."))
    # Privacy (PDPA rights)
    ERASURE_REASON_REQUIRED = (
        "erasure_reason_required",
        _("Choose why this household's data is erased."),
        "reason",
    )
    # Disaster-risk areas and incidents
    RISK_AREA_NOT_VILLAGE = (
        "risk_area_not_village",
        _("Choose the village or subdistrict that is at risk."),
        "area",
    )
    HOUSEHOLD_NOT_SHOWN = (
        "household_not_shown",
        _("Choose a household of the registry in your areas."),
        "household",
    )
    HOUSEHOLD_ALREADY_AFFECTED = (
        "household_already_affected",
        _("This household is recorded as affected by this incident already."),
        "household",
    )
    # Legal status cases
    STATUS_CASE_CLOSED = (
        "status_case_closed",
        _("This legal status case has reached its final step: it is closed."),
    )
    STATUS_DATE_BEFORE_OPENED = (
        "status_date_before_opened",
        _("This date comes before the case was opened."),
        "happened_on",
    )
    STATUS_DATE_BEFORE_STEP = (
        "status_date_before_step",
        _("This date comes before the case's current step."),
        "happened_on",
    )
    # Housing works
    HOUSING_PROJECT_NOT_SHOWN = (
        "housing_project_not_shown",
        _("Choose a project of a plan you may read."),
        "project",
    )
    HOUSING_STATUS_NOT_ALLOWED = (
        "housing_status_not_allowed",
        _("A housing work cannot move from %(current)s to %(new)s."),
        "status",
    )
    GRANT_NEGATIVE = ("grant_negative", _("The grant cannot be below zero baht."), "grant")
    # Households and people: registering, searching, importing
    MEMBERS_REQUIRED = ("members_required", _("A household needs at least one member."), "members")
    NATIONAL_ID_TAKEN_IN = (
        "care_national_id_taken",
        _("A person with this national ID is registered already, in household #%(household)s."),
        "national_id",
    )
    NATIONAL_ID_REPEATED = (
        "national_id_repeated",
        _("Two members of this household have the same national ID."),
        "national_id",
    )
    MEMBER_OF_ANOTHER_HOUSEHOLD = (
        "member_of_another_household",
        _("This member belongs to another household."),
    )
    LAST_MEMBER = (
        "last_member",
        _("A household keeps at least one member: this is its last."),
    )
    IMPORT_HOUSEHOLD_KEY_REQUIRED = (
        "household_key_required",
        _("Give the household's key: rows with the same key are members of one household."),
        "household_key",
    )
    IMPORT_ROWS_DIFFER = (
        "household_rows_differ",
        _("Rows of this household give different household details: the first row sets them."),
    )
    IMPORT_HOUSEHOLD_BAD = (
        "household_rows_bad",
        _("The first row of this household could not be imported: see its error."),
    )
    IMPORT_POSSIBLE_DUPLICATE = (
        "possible_duplicate",
        _(
            "A household that may be the same is registered already (#%(households)s): check it, or give a reason in the column for registering anyway."
        ),
        "override_reason",
    )
    # Cases: opening, assessments, help, referrals, follow-ups, the case plan and closing
    MEMBER_NOT_OF_HOUSEHOLD = (
        "member_not_of_household",
        _("This person is not of the case's household."),
        "member",
    )
    WORKER_NOT_OF_AREA = (
        "worker_not_of_area",
        _("The case worker must be a coordinator who may write the household's area."),
        "worker",
    )
    UNKNOWN_QUESTION = (
        "unknown_question",
        _("This question is not on the assessment form: %(question)s."),
        "answers",
    )
    ANSWER_REQUIRED = ("answer_required", _("Answer this question: %(question)s."), "answers")
    ANSWER_NOT_YES_NO = ("answer_not_yes_no", _("Answer yes or no: %(question)s."), "answers")
    ANSWER_NOT_A_CHOICE = (
        "answer_not_a_choice",
        _("Choose one of the answers offered: %(question)s."),
        "answers",
    )
    ANSWER_NOT_A_NUMBER = (
        "answer_not_a_number",
        _("Give a number of zero or more: %(question)s."),
        "answers",
    )
    ANSWER_NOT_TEXT = (
        "answer_not_text",
        _("Give a short text of at most 1,000 characters: %(question)s."),
        "answers",
    )
    AMOUNT_NEGATIVE = ("amount_negative", _("Give a value of zero baht or more."), "amount")
    AMOUNT_TOO_PRECISE = (
        "amount_too_precise",
        _("Give the value in baht and satang: at most two decimals."),
        "amount",
    )
    GIVER_REQUIRED = (
        "giver_required",
        _("Say who gave the help: an organisation, or a name."),
        "given_by_name",
    )
    CONSENT_FOR_SHARING_REQUIRED = (
        "consent_for_sharing_required",
        _(
            "The household has not consented to sharing its data with the agencies it is referred to: record its consent on the household first, then refer the case."
        ),
        "agency",
    )
    AGENCY_NOT_FOUND = (
        "agency_not_found",
        _("Choose an organisation of the directory in your areas."),
        "agency",
    )
    REFERRAL_NOT_WAITING = (
        "referral_not_waiting",
        _("This referral is not waiting for the agency's answer any more."),
    )
    REFERRAL_NOT_ACCEPTED = (
        "referral_not_accepted",
        _("Only a referral the agency accepted can be marked done."),
    )
    REFERRAL_FINISHED = ("referral_finished", _("This referral is finished: it can no longer be withdrawn."))
    REJECTION_REASON_REQUIRED = (
        "rejection_reason_required",
        _("Say why the agency declines the referral."),
        "answer",
    )
    SERVICE_OUTCOME_REQUIRED = (
        "service_outcome_required",
        _("Say whether the service was given, or why not."),
        "outcome",
    )
    FOLLOW_UP_DONE_ALREADY = (
        "follow_up_done_already",
        _("This follow-up has been recorded as done already."),
    )
    REPEAT_OUT_OF_RANGE = (
        "repeat_out_of_range",
        _("Repeat every 1 to 365 days, or leave it empty."),
        "repeat_days",
    )
    PLAN_REQUIRED = ("plan_required", _("Write the case plan."), "plan")
    PLAN_AWAITING_DECISION = (
        "plan_awaiting_decision",
        _("The case plan is awaiting approval: it is approved or returned before it changes."),
    )
    RETURN_REASON_REQUIRED = (
        "return_reason_required",
        _("Say why the plan goes back for changes."),
        "reason",
    )
    CASE_NOT_OPEN = ("case_not_open", _("Only an open case can be asked to close."))
    CASE_NOT_CLOSED = ("case_not_closed", _("Only a closed case can be reopened."))
    OUTCOME_REQUIRED = ("outcome_required", _("Say how the case ends."), "outcome")
    # The social fund's money, requests and committee (S5)
    AMOUNT_TOO_LARGE = ("amount_too_large", _("This amount is too large for the fund's ledger."), "amount")
    DONOR_REQUIRED = (
        "donor_required",
        _("Say who gave the money: a name, or the organisation."),
        "donor_name",
    )
    FUND_NOT_A_PROVINCE = (
        "fund_not_a_province",
        _("A social development fund belongs to a province: choose the province."),
        "area",
    )
    APPROVALS_TOO_FEW = (
        "approvals_too_few",
        _("A payment needs the approval of at least two committee members."),
        "approvals_required",
    )
    COMMITTEE_TOO_SMALL = (
        "committee_too_small",
        _(
            "The committee needs at least %(needed)s members, so that a member who asks is decided by enough others."
        ),
        "committee",
    )
    COMMITTEE_OUTSIDE_PROVINCE = (
        "committee_outside_province",
        _("Every committee member must be a user who works in the fund's province and records data."),
        "committee",
    )
    REQUEST_NEEDS_SUBJECT = (
        "request_needs_subject",
        _("A request to the fund is for one case or for one disaster incident."),
    )
    OUTSIDE_FUND_PROVINCE = (
        "outside_fund_province",
        _("This case or incident is not in the fund's province."),
    )
    REQUEST_NOT_PENDING = ("request_not_pending", _("This request is no longer awaiting the committee."))
    REQUEST_NOT_APPROVED = (
        "request_not_approved",
        _("Only a request the committee has approved, and not yet paid, can be paid."),
    )
    REQUEST_NOT_WITHDRAWABLE = (
        "request_not_withdrawable",
        _("This request has been refused, paid or withdrawn: it can no longer be withdrawn."),
    )
    ALREADY_DECIDED = ("already_decided", _("You have decided this request already."))
    REVERSAL_NOT_REVERSIBLE = (
        "reversal_not_reversible",
        _("A reversal is not reversed: record the entry again instead."),
    )
    REVERSAL_REASON_REQUIRED = ("reversal_reason_required", _("Say why the entry is reversed."), "reason")
