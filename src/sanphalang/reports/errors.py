"""Why a report could not be made, changed or issued, in the words pages, the API and the CLI show."""

from django.utils.translation import gettext_lazy as _

from sanphalang.errors import ErrorCode


class ReportError(ErrorCode):
    REPORT_EXISTS = (
        "quarterly_report_exists",
        _("The province already has a report for this quarter."),
        "quarter",
    )
    EDITION_TAKEN = ("quarterly_edition_taken", _("This edition has been issued already."))
    NOT_A_PROVINCE = (
        "quarterly_not_a_province",
        _("A report to the governor is made for a province."),
        "province",
    )
    QUARTER_UNKNOWN = ("quarterly_quarter_unknown", _("Choose a quarter from 1 to 4."), "quarter")
    YEAR_UNKNOWN = ("quarterly_year_unknown", _("Choose a year from 2500 to 2700 (BE)."), "year_be")
    NOT_BUILT = ("quarterly_not_built", _("Build the report first: nothing has been built yet."))
    ACTION_ITEM_OUTSIDE = (
        "quarterly_action_item_outside",
        _("Choose an open action item of a body of this province."),
        "action_item",
    )
    NOTE_UNKNOWN = (
        "quarterly_note_unknown",
        _("The notes name a working group this report does not have."),
        "group_notes",
    )
