"""The errors a service raises for the user to read: a stable code, a message in the user's language, a field.

Each app lists its codes in its own `errors.py` as an `ErrorCode` enum; the access-denied codes, shared by every
app, are `Access` below. Pages, the API and the CLI show the same message for the same code.
"""

from collections import Counter
from enum import Enum

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy


class ErrorCode(Enum):
    """Each member is (code, message) or (code, message, field): the code is stable for API clients, the message
    is translated when shown, and field (when given) is the form field a database constraint's error belongs to."""

    @property
    def code(self) -> str:
        return self.value[0]

    @property
    def lazy_message(self):
        """For a model constraint's violation_error_message, translated when shown."""
        return self.value[1]

    @property
    def field(self) -> str | None:
        return self.value[2] if len(self.value) > 2 else None

    def message(self, **params) -> str:
        text = str(self.value[1])
        return text % params if params else text

    def error(self, field: str | None, **params) -> ValidationError:
        """The ValidationError to raise: on a field, or on the whole input when field is None."""
        error = ValidationError(self.message(**params), code=self.code)
        return ValidationError({field: error}) if field else error

    @classmethod
    def field_of(cls, code: str | None) -> str | None:
        """The field a constraint's error code belongs to, over the codes of every app."""
        for enum in cls.__subclasses__():
            for member in enum:
                if member.code == code:
                    return member.field
        return None


class AccessDenied(PermissionDenied):
    """The user's role or areas do not allow this read or write."""

    def __init__(self, message: str = "", *, code: str = "access_denied"):
        super().__init__(message)
        self.code = code
        self.message = message


class Access(ErrorCode):
    """Why a read or a write was refused. Raise `Access.X.denied()`."""

    READ_ONLY_ROLE = ("read_only_role", gettext_lazy("Your role can read but not change records."))
    READ_ONLY_ROLE_IMPORT = (
        "read_only_role",
        gettext_lazy("Your role can read but not change records, so it cannot import."),
    )
    OUTSIDE_AREA = ("outside_area", gettext_lazy("This record is outside the areas you are assigned to."))
    WRITE_OUTSIDE_AREA = (
        "outside_area",
        gettext_lazy("You can only change records in the areas you are assigned to."),
    )
    ADMINISTRATOR_ONLY_REGIONS = (
        "administrator_only",
        gettext_lazy("Only an administrator can change regions."),
    )
    ADMINISTRATOR_ONLY_ERASE = (
        "administrator_only",
        gettext_lazy("Only an administrator can erase a person's data."),
    )
    ADMINISTRATOR_ONLY_NATIONAL_ISSUES = (
        "administrator_only",
        gettext_lazy("Only an administrator can change the national list of issue areas."),
    )
    ISSUE_AREA_OUTSIDE_PROVINCE = (
        "outside_area",
        gettext_lazy("You can add issue areas only for a province you coordinate."),
    )
    ISSUE_AREA_NOT_YOURS = ("outside_area", gettext_lazy("You cannot change this issue area."))
    NOT_UPLOADER = ("not_owner", gettext_lazy("Only the person who uploaded this file can import it."))
    ADMINISTRATOR_ONLY_REOPEN = (
        "administrator_only",
        gettext_lazy("Only an administrator can reopen an approved period."),
    )
    COUNTS_ONLY = (
        "counts_only",
        gettext_lazy("Your role sees how many people are helped, not who they are."),
    )
    NOT_ON_FUND_COMMITTEE = (
        "not_on_committee",
        gettext_lazy("Only the fund's committee members decide its requests."),
    )
    OWN_REQUEST = (
        "own_request",
        gettext_lazy("You asked for this payment: two other committee members decide it."),
    )
    ADMINISTRATOR_ONLY_BOUNDARIES = (
        "administrator_only",
        gettext_lazy("Only an administrator can import area boundaries."),
    )
    ADMINISTRATOR_ONLY_ACCESS_LOG = (
        "administrator_only",
        gettext_lazy("Only an administrator can see who read a person's record."),
    )
    ADMINISTRATOR_ONLY_PERSONAL_EXPORT = (
        "administrator_only",
        gettext_lazy("Only an administrator can export all of a person's data."),
    )
    NOT_THE_AGENCY = (
        "not_the_agency",
        gettext_lazy("Only the agency a case is referred to can answer the referral."),
    )
    # Action items (S1, S2): a partner agency reports on what its organisation owes
    NOT_THE_OWNER_ORGANISATION = (
        "not_the_owner",
        gettext_lazy(
            "Only the organisation that owns this action item, or a coordinator of its area, can record its progress."
        ),
    )
    ONLY_COORDINATORS_CANCEL = (
        "coordinators_only",
        gettext_lazy("Only a coordinator of the item's area can cancel it."),
    )
    # The social fund (S5)
    NOT_THE_REQUESTER = (
        "not_the_requester",
        gettext_lazy("Only the person who asked for this payment can withdraw the request."),
    )

    def denied(self, **params) -> AccessDenied:
        return AccessDenied(self.message(**params), code=self.code)


def reject_unknown_fields(fields: dict, allowed: set[str]) -> None:
    """A service refuses fields it does not set, at the field, rather than ignoring them silently."""
    unknown = sorted(set(fields) - allowed)
    if unknown:
        raise ValidationError({name: _("This field cannot be set here.") for name in unknown})


class Conflict(ErrorCode):
    """Why a change built on an old version of a record was refused. Raised as a VersionConflict."""

    STALE_VERSION = (
        "stale_version",
        gettext_lazy(
            "Someone else saved this record after you opened it (%(who)s, %(when)s). Nothing of yours was saved: "
            "compare your values with the ones saved meanwhile, then save again to keep yours."
        ),
    )
    REMOVED = ("removed_meanwhile", gettext_lazy("Someone else removed this record after you opened it."))


class VersionConflict(ValidationError):
    """A change built on an old version of a record, refused with nothing saved. Carries both sides: the record
    as the caller asked it to become (`yours`, with the version it was built on) and as it is saved now
    (`current`), the fields where they differ (`changes`, model field names), and who saved it meanwhile, when."""

    def __init__(self, *, yours, current, changes: list[str], saved_by, saved_at, who: str, when: str):
        super().__init__(Conflict.STALE_VERSION.message(who=who, when=when), code=Conflict.STALE_VERSION.code)
        self.code = Conflict.STALE_VERSION.code
        self.yours = yours
        self.current = current
        self.changes = changes
        self.saved_by = saved_by
        self.saved_at = saved_at
        self.who = who
        self.when = when


def still_referred_to_message(error) -> str:
    """Why a delete was refused by the database (a ProtectedError or RestrictedError): what still refers to the
    record, by kind and count, so the user knows what to move or delete first."""
    kinds = Counter(obj._meta.verbose_name_plural for obj in error.args[1])
    referrers = ", ".join(f"{kind} ({count})" for kind, count in sorted(kinds.items()))
    return _("This record cannot be deleted while other records refer to it: %(referrers)s.") % {
        "referrers": referrers
    }
