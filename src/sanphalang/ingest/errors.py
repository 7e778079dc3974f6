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
