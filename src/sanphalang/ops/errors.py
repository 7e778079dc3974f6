"""Why a backup cannot be restored: the codes and messages the backup and restore commands show."""

from django.utils.translation import gettext_lazy as _

from sanphalang.errors import ErrorCode


class BackupProblem(ErrorCode):
    NOT_A_BACKUP = (
        "not_a_backup",
        _("%(path)s is not a Sanphalang backup: it is not a backup archive, or it is damaged or cut short."),
    )
    FOREIGN = ("foreign_backup", _("%(path)s is not a Sanphalang backup: it was made by another program."))
    NEWER_FORMAT = (
        "newer_backup_format",
        _("%(path)s was made by a newer version of Sanphalang (backup format %(version)s): update first."),
    )
    DAMAGED = (
        "damaged_backup",
        _(
            "%(path)s is damaged: %(entry)s does not match the checksum the backup recorded. Nothing was changed."
        ),
    )
    MISSING_ENTRY = (
        "incomplete_backup",
        _("%(path)s is incomplete: %(entry)s is missing. Nothing was changed."),
    )
    UNSAFE_ENTRY = (
        "unsafe_backup",
        _("%(path)s holds a file outside the stored files (%(entry)s): it is refused. Nothing was changed."),
    )
    LOAD_FAILED = (
        "backup_load_failed",
        _("%(path)s could not be loaded (%(reason)s). Nothing was changed."),
    )
