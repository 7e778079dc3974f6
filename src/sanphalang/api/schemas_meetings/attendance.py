"""API shapes of attendance in bulk: many lines, each by id or by a name matched to the directory."""

from typing import Literal

from ninja import Field, Schema
from pydantic import ConfigDict

from sanphalang.directory.models import OrganisationKind
from sanphalang.meetings.selectors.attendance import MAX_LINES

from ..thai_fields import ThaiInt
from .meetings import AttendanceOut


class AttendanceLineIn(Schema):
    model_config = ConfigDict(extra="forbid")

    person: ThaiInt | None = Field(None, description="The person's id in the directory")
    organisation: ThaiInt | None = Field(None, description="The organisation's id in the directory")
    name: str = Field(
        "",
        max_length=300,
        description="Instead of ids: a name as a sign-in sheet writes it, matched as the pickers search the "
        "directory (an exact name, an abbreviation such as พมจ.เชียงราย, or a name held whole)",
    )
    if_unmatched: Literal["refuse", "organisation", "person", "count", "skip"] = Field(
        "refuse",
        description="When the name matches nothing: refuse the whole request (422), create it as an "
        "organisation or a person of the body's area, count it in the participants, or leave it out. "
        "A name that matches several records is always refused, naming each as organisation:<id> or person:<id>",
    )
    kind: OrganisationKind | None = Field(
        None, description="The kind of an organisation created for the name; by default, proposed from it"
    )
    role: str = Field("", max_length=200)


class BulkAttendanceIn(Schema):
    model_config = ConfigDict(extra="forbid")

    entries: list[AttendanceLineIn] = Field(..., max_length=MAX_LINES)
    unnamed: ThaiInt = Field(0, ge=0, description="Others who came, counted in the participants, not named")


class BulkAttendanceOut(Schema):
    recorded: list[AttendanceOut] = Field(description="The lines recorded now")
    already: list[AttendanceOut] = Field(description="Entries recorded before, not recorded twice")
    created_organisation_ids: list[int]
    created_person_ids: list[int]
    head_count: int | None = Field(description="The meeting's number of participants, after recording")
