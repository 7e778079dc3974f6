"""Thai national ID numbers (13 digits with a check digit): validation and masking."""

from stdnum.exceptions import ValidationError as StdnumValidationError
from stdnum.th import pin

from .digits import to_arabic_digits


class NationalIdError(ValueError):
    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def normalise_national_id(value: str) -> str:
    """Return the 13 digits of a national ID, or raise NationalIdError with the reason ("length", "checksum", "format")."""
    digits = pin.compact(to_arabic_digits(value or ""))
    try:
        return pin.validate(digits)
    except StdnumValidationError as exc:
        reason = {
            "InvalidLength": "length",
            "InvalidChecksum": "checksum",
            "InvalidFormat": "format",
            "InvalidComponent": "format",
        }.get(type(exc).__name__, "format")
        raise NationalIdError(reason) from exc


def mask_national_id(value: str) -> str:
    """Show only the last four digits: "x-xxxx-xxxxx-12-3" style, for roles that do not need the whole number."""
    if not value:
        return ""
    return "x-xxxx-xxxx" + value[-4:-3] + "-" + value[-3:-1] + "-" + value[-1]


def format_national_id(value: str) -> str:
    return pin.format(value) if value else ""
