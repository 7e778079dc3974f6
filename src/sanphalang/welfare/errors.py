"""The welfare app's error codes and their messages, in one place: the pages, the API and the CLI show these."""

from enum import Enum

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _


class WelfareError(Enum):
    """Each member is (code, message); the code is stable for API clients, the message is translated."""

    UNKNOWN_FIELD = ("unknown_field", _("Unknown fields: %(fields)s"))
    MAPPING_STALE = ("mapping_stale", _("The file has no column %(columns)s that the column mapping names; the layout "
                                        "has changed. Map the columns again."))
    NO_FUND_NAME = ("no_fund_name", _("No column of the file holds the fund's name (expected a heading such as "
                                      "“ชื่อกองทุน” or “fund name”). Headings found: %(headings)s"))
    MAPPING_REPEATS_COLUMN = ("mapping_repeats_column", _("The column “%(column)s” is mapped to more than one field."))
    SPLIT_SAME_NAME = ("split_same_name", _("A fund of this name in this area is the one the record is linked to; "
                                            "rename that fund first."))
    YEAR_OUT_OF_RANGE = ("year_out_of_range", _("Give a year (BE) from %(first)s to %(last)s."))
    NEGATIVE_FIGURE = ("negative_figure", _("A figure cannot be negative."))
    NO_FIGURES = ("no_figures", _("Give at least one figure for the year."))
    AGE_GROUPS_EXCEED_MEMBERS = ("age_groups_exceed_members", _(
        "The age groups add up to %(groups)s, more than the %(members)s members."))
    FUND_NOT_FOUND = ("fund_not_found", _("No fund in your areas matches %(name)s. Register it, or import and "
                                          "reconcile the sources first."))
    FUND_AMBIGUOUS = ("fund_ambiguous", _("Several funds in your areas match %(name)s: add the subdistrict, the "
                                          "district or the fund code."))
    FUND_UNNAMED = ("fund_unnamed", _("Give the fund's name or its fund code."))

    @property
    def code(self) -> str:
        return self.value[0]

    def message(self, **params) -> str:
        text = str(self.value[1])
        return text % params if params else text

    def error(self, field: str | None, **params) -> ValidationError:
        """The ValidationError to raise: on a field, or on the whole input when field is None."""
        error = ValidationError(self.message(**params), code=self.code)
        return ValidationError({field: error}) if field else error
