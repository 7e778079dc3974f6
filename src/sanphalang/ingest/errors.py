"""Why a report could not be read: the codes and messages the CLI (and later the pages) show."""

from django.utils.translation import gettext_lazy as _

from sanphalang.errors import ErrorCode


class IngestProblem(ErrorCode):
    EMPTY = ("ingest_empty", _("The report is empty: there is no text to read."))
    BINARY = ("ingest_binary", _("%(name)s is not a text document: it holds binary data."))
    NEEDS_OCR = (
        "ingest_needs_ocr",
        _("%(name)s has no text layer (a scanned PDF): it needs text recognition (OCR) first."),
    )
    TOO_LARGE = (
        "ingest_too_large",
        _("%(name)s is too large (%(size)s MB): reports up to %(limit)s MB are read."),
    )
    UNSUPPORTED = (
        "ingest_unsupported",
        _("%(name)s is not a file that can be read: give a .txt, .docx or .pdf file."),
    )
    DAMAGED = ("ingest_damaged", _("%(name)s could not be opened: the file is damaged or cut short."))
    NOT_FOUND = ("ingest_not_found", _("%(name)s was not found."))
    NOT_THAI = (
        "ingest_not_thai",
        _("%(name)s is not written in Thai: only Thai reports are read."),
    )


class IngestError(Exception):
    """A report that cannot be read; carries its problem and the message's arguments."""

    def __init__(self, problem: IngestProblem, **params):
        self.problem = problem
        self.params = params
        super().__init__(problem.code)

    @property
    def code(self) -> str:
        return self.problem.code

    def message(self) -> str:
        return self.problem.message(**self.params)


class ReviewError(ErrorCode):
    """Why a report could not be given, accepted or discarded."""

    NOTHING_GIVEN = ("ingest_nothing_given", _("Paste the text of a report or choose at least one file."))
    TOO_MANY_FILES = (
        "ingest_too_many_files",
        _("At most %(limit)s files can be given at once."),
    )
    ALREADY_DECIDED = (
        "ingest_already_decided",
        _("This report has been accepted or discarded already: its draft can no longer be changed."),
    )
    NOT_READ = (
        "ingest_not_read",
        _("This report has no draft to accept: it has not been read, or could not be."),
    )
    NO_BODY = ("ingest_no_body", _("Choose the body whose meeting this was, or do not record a meeting."))
    NO_DATE = ("ingest_no_date", _("A meeting needs its date."))
    NOTHING_ACCEPTED = (
        "ingest_nothing_accepted",
        _("Nothing was chosen to enter the records: record the meeting, or keep at least one line."),
    )
    NO_PERIOD = (
        "ingest_no_period",
        _("The report's date lies outside the target's year: enter the progress on the target's page."),
    )
    NO_DATE_FOR_PROGRESS = (
        "ingest_no_date_for_progress",
        _("Progress needs a date to place it in a period: give the meeting's date."),
    )
    CHAIR_LEFT_OUT = (
        "ingest_chair_left_out",
        _("The chair's line is left out: keep it, or choose another chair."),
    )
    CHOICE_NEEDED = (
        "ingest_choice_needed",
        _("Several records bear this name: choose one, create a new one or leave it out."),
    )
    VALUE_NEEDED = ("ingest_value_needed", _("Give the figure's value to enter it as progress."))
