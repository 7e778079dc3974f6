"""Pydantic field types that read Thai input: BE or ISO dates, numbers typed with Thai digits, record ids."""

import datetime as dt
from decimal import Decimal
from typing import Annotated, Any

from django.utils.translation import gettext as _
from pydantic import BeforeValidator, Field

from sanphalang.thai.dates import ThaiDateError, parse_thai_date
from sanphalang.thai.digits import parse_number


def _read_date(value: Any) -> Any:
    if value is None or isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        if not value.strip():
            return None
        try:
            return parse_thai_date(value)
        except ThaiDateError:
            raise ValueError(_("Enter a date such as 20/7/2558, 20 ก.ค. 2558 or 2015-07-20.")) from None
    return value


def _read_number(value: Any) -> Any:
    return parse_number(value) if isinstance(value, str) else value


# Output is always ISO (CE); input may also be BE in any form Thai users write ("20 ก.ค. 2558", "20/7/2558").
ThaiDate = Annotated[dt.date, BeforeValidator(_read_date)]
# The largest integer a database column holds (a signed 64-bit integer): a larger one is refused as input rather
# than overflowing in the database.
MAX_DATABASE_INT = 2**63 - 1

# "๕๐" and "1,200" are read as 50 and 1200.
ThaiInt = Annotated[int, BeforeValidator(_read_number), Field(ge=-MAX_DATABASE_INT, le=MAX_DATABASE_INT)]
# "๑๒.๕" and "1,200.50" are read as 12.5 and 1200.50 (a field sets how many digits it holds).
ThaiDecimal = Annotated[Decimal, BeforeValidator(_read_number)]
# The id of a record, in a path or a body.
RecordId = Annotated[int, Field(ge=0, le=MAX_DATABASE_INT)]
# "๖๑๘" and "1,250.50" are read as 618 and 1250.50.
ThaiDecimal = Annotated[Decimal, BeforeValidator(_read_number)]
