"""The meetings app's error codes and their messages, in one place: the pages, the API and the CLI show these.
A member with a third value is a database constraint's error and names the form field it belongs to."""

from django.utils.translation import gettext_lazy as _

from sanphalang.errors import ErrorCode


class MeetingError(ErrorCode):
    # Bodies and memberships
    NO_SUCH_AREA = ("no_such_area", _("No area has the code %(code)s."))
    BODY_OWN_PARENT = ("body_own_parent", _("A body cannot be part of itself."))
    MEMBERSHIP_ENDS_BEFORE_START = ("membership_ends_before_start", _("The membership ends after it starts."))
    # Meetings and what is recorded at them
    NO_MEETING_DATE = ("no_meeting_date", _("Enter the date of the meeting."))
    MEETING_ENDS_BEFORE_START = ("meeting_ends_before_start", _("A meeting ends after it starts."))
    AGENDA_ORDER_FROM_ONE = ("agenda_order_from_one", _("The order is a number from 1."))
    NO_PERSON_OR_ORGANISATION = ("no_person_or_organisation", _("Choose a person or an organisation."))
    UNKNOWN_ANSWER = ("unknown_answer", _("Unknown answer."))
    NO_RESOLUTION_TEXT = ("no_resolution_text", _("Write what the meeting resolved."))
    RESOLUTION_HAS_ACTION_ITEMS = (
        "has_action_items",
        _(
            "This resolution has action items, so it cannot be removed. Correct its text instead, or remove its action "
            "items first."
        ),
    )
    # Action items
    NO_ACTION_ITEM_BODY = ("no_action_item_body", _("Choose the body this action item belongs to."))
    NO_DUE_DATE = ("no_due_date", _("Enter the due date."))
    DUE_BEFORE_MEETING = ("due_before_meeting", _("The due date is before the meeting that set it."))
    DUE_AFTER_SERIES_END = ("due_after_series_end", _("The series ends before this due date."))
    RECURRENCE_OUT_OF_RANGE = ("recurrence_out_of_range", _("Repeat every 1 to %(max)s months."))
    SERIES_ENDS_BEFORE_FIRST_DUE = (
        "series_ends_before_first_due",
        _("The series must end after its first due date."),
    )
    END_OF_SERIES_WITHOUT_REPEAT = (
        "end_of_series_without_repeat",
        _("Only a repeating item has an end date for its series."),
    )
    UNKNOWN_STATUS = ("unknown_status", _("Unknown status."))
    ACTION_ITEM_HAS_LETTERS = (
        "has_letters",
        _("Letters refer to this action item. Change those letters first."),
    )
    ACTION_ITEM_IN_SERIES = (
        "in_series",
        _(
            "This item is one occurrence of a repeating series. Cancel it instead: that ends the series and keeps its "
            "record."
        ),
    )
    # Letters
    ANSWER_DUE_BEFORE_LETTER = (
        "answer_due_before_letter",
        _("An answer cannot be due before the letter is dated."),
    )
    # Imports into a meeting
    NO_IMPORT_MEETING = ("no_import_meeting", _("Choose the meeting the rows go into."))
    NO_SUCH_IMPORT_MEETING = ("no_such_import_meeting", _("No such meeting, or it is outside your areas."))
    IMPORT_MEETING_READ_ONLY = ("import_meeting_read_only", _("You can read this meeting but not change it."))
    NO_MEETING_NUMBERED = ("no_meeting_numbered", _("No meeting %(number)s is in your areas."))
    NO_MEETING_NUMBERED_OF_BODY = (
        "no_meeting_numbered_of_body",
        _("No body named %(body)s has a meeting %(number)s in your areas."),
    )
    MEETING_NUMBER_IN_SEVERAL_BODIES = (
        "meeting_number_in_several_bodies",
        _("Several bodies have a meeting %(number)s: name the body with --body (%(bodies)s)."),
    )
    MEETING_NUMBER_UNREADABLE = (
        "meeting_number_unreadable",
        _("Write the meeting as its number and BE year, such as 3/2558, or as its id."),
    )
    # Attendance in bulk
    UNNAMED_COUNT_NEGATIVE = ("unnamed_count_negative", _("The number of others who came is 0 or more."))
    NO_ATTENDANCE_LINES = ("no_attendance_lines", _("Write at least one name, one a line."))
    ATTENDANCE_LINE_AMBIGUOUS = (
        "attendance_line_ambiguous",
        _("%(line)s matches several records: choose one (%(candidates)s)."),
    )
    ATTENDANCE_LINE_UNMATCHED = (
        "attendance_line_unmatched",
        _("Nothing in the directory matches %(line)s: create it, count it, or leave it out."),
    )
    ATTENDANCE_CHOICE_NEEDED = ("attendance_choice_needed", _("Choose what to record for this line."))
    # Database constraints
    BODY_NAME_TAKEN = ("body_name_taken", _("A body with this name is already registered in this area."))
    NO_MEMBER_NAMED = ("no_member_named", _("A member is a person or an organisation."))
    MEETING_NUMBER_TAKEN = (
        "meeting_number_taken",
        _("This body already has a meeting with this number in this year."),
    )
    NO_ATTENDEE_NAMED = ("no_attendee_named", _("Name the person or the organisation who attended."))
    RESOLUTION_NUMBER_TAKEN = (
        "resolution_number_taken",
        _("This meeting already has a resolution with this number."),
    )
    OCCURRENCE_TAKEN = ("occurrence_taken", _("This series already has this occurrence."))
    ATTACHMENT_WITHOUT_OWNER = (
        "attachment_without_owner",
        _("An attachment belongs to a meeting or a letter."),
    )
    NOTIFICATION_SENT = ("notification_sent", _("This notification was already sent."))
