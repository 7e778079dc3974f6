"""The import pages' messages that more than one place shows."""

from django.utils.translation import gettext_lazy as _

from sanphalang.errors import ErrorCode


class ImportsError(ErrorCode):
    NOTHING_IMPORTED = (
        "nothing_imported",
        _("Nothing was imported: correct the rows below, or choose to skip them."),
    )
    ALREADY_IMPORTING = (
        "already_importing",
        _("This file has already been imported, or is being imported now."),
    )
