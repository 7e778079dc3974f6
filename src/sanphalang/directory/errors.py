"""The directory's error codes and their messages, in one place: the pages, the API and the CLI show these.
A member with a third value is a database constraint's error and names the form field it belongs to."""

from django.utils.translation import gettext_lazy as _

from sanphalang.errors import ErrorCode


class DirectoryError(ErrorCode):
    NO_AREA_CHOSEN = ("no_area_chosen", _("Choose the area this record belongs to."))
    NO_SUCH_AREA = ("no_such_area", _("No area has the code %(code)s."))
    UNKNOWN_ISSUE_AREA = ("unknown_issue_area", _("Unknown issue area: %(value)s"))
    ISSUE_AREA_OF_OTHER_PROVINCE = (
        "issue_area_of_other_province",
        _("%(issue)s belongs to another province."),
    )
    UNKNOWN_ORGANISATION = (
        "unknown_organisation",
        _("One of the organisations is unknown or outside your areas."),
    )
    OWN_PARENT = ("own_parent", _("An organisation cannot be its own parent."))
    HAS_MEMBER_ORGANISATIONS = (
        "has_member_organisations",
        _("This organisation has member organisations: move or delete them first."),
    )
    CONSENT_DATE_OUT_OF_RANGE = (
        "consent_date_out_of_range",
        _("The date of consent must be between %(earliest)s and %(latest)s."),
    )
    ISSUE_AREA_NEEDS_PROVINCE = (
        "issue_area_needs_province",
        _("Issue areas are kept per province: choose a province."),
    )
    # Database constraints
    ISSUE_SLUG_TAKEN_IN_PROVINCE = (
        "issue_slug_taken_in_province",
        _("This province already has an issue area with this short name."),
    )
    NATIONAL_ISSUE_SLUG_TAKEN = (
        "national_issue_slug_taken",
        _("The national list already has an issue area with this short name."),
    )
    ORGANISATION_NAME_TAKEN = (
        "organisation_name_taken",
        _("An organisation with this name is already registered in this area."),
    )
    NATIONAL_ID_TAKEN = ("national_id_taken", _("A person with this national ID is already registered."))
    POSITION_ENDS_BEFORE_START = (
        "position_ends_before_start",
        _("A position cannot end before it starts."),
        "ended_on",
    )
