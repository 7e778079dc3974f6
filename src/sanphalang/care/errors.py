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
    # The social fund's money, requests and committee (S5)
    AMOUNT_TOO_PRECISE = (
        "amount_too_precise",
        _("Give the amount in baht and satang: at most two decimal places."),
        "amount",
    )
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
