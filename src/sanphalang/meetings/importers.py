"""Import files of one meeting: its agenda items and its attendance, matched to the directory and the bodies."""

from copy import copy

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from sanphalang.directory.models import Organisation, Person
from sanphalang.directory.selectors import organisation_list, person_list
from sanphalang.imports.importers import Column, Importer, RowProblem, find_organisation
from sanphalang.thai.digits import parse_number
from sanphalang.thai.names import clean_text, compact, strip_person_title

from .access import can_change_body
from .errors import MeetingError
from .models import Body, Meeting
from .selectors.bodies import body_list
from .selectors.meetings import meeting_list
from .services.meetings import agenda_item_add, attendance_record


class MeetingRowsImporter(Importer):
    """Rows that all go into one meeting, chosen when the file is uploaded and checked for the user's areas."""

    needs_meeting = True
    meeting: Meeting | None = None

    def for_meeting(self, *, by, meeting_id: int | None) -> "MeetingRowsImporter":
        if not meeting_id:
            raise MeetingError.NO_IMPORT_MEETING.error("meeting")
        meeting = meeting_list(user=by).filter(pk=meeting_id).select_related("body").first()
        if meeting is None:
            raise MeetingError.NO_SUCH_IMPORT_MEETING.error("meeting")
        if not can_change_body(by, meeting.body):
            raise MeetingError.IMPORT_MEETING_READ_ONLY.error("meeting")
        bound = copy(self)
        bound.meeting = meeting
        return bound


class AgendaImporter(MeetingRowsImporter):
    entity = "agenda"
    label = gettext_lazy("Meeting agenda items")
    columns = (
        Column("order", "ลำดับ", "Order", ("ลำดับที่", "วาระที่", "no", "no.")),
        Column("title", "เรื่อง", "Title", ("หัวข้อ", "วาระ", "ระเบียบวาระ", "ชื่อเรื่อง"), True),
        Column("description", "รายละเอียด", "Description", ("details",)),
        Column("working_group", "คณะทำงาน", "Working group", ("คณะทำงานที่รายงาน", "working group name")),
    )
    main_column = "title"
    area_column = "title"

    def _order(self, values: dict) -> int | None:
        text = parse_number(values.get("order", "")).removeprefix("วาระที่").strip().rstrip(".")
        if not text:
            return None
        if not text.isdigit() or int(text) < 1:
            raise RowProblem(
                "order", _("The order must be a number from 1, not %(value)s.") % {"value": values["order"]}
            )
        return int(text)

    def _working_group(self, by, name: str) -> Body | None:
        if not name:
            return None
        wanted = compact(name)
        named = [
            body
            for body in body_list(user=by, search=clean_text(name))
            if compact(body.name_th) == wanted or (body.name_en and compact(body.name_en) == wanted)
        ]
        # The meeting's own working groups first: another council may have one of the same name.
        own = [body for body in named if body.parent_id == self.meeting.body_id]
        candidates = own or named
        if not candidates:
            raise RowProblem(
                "working_group", _("No working group named %(name)s is in your areas.") % {"name": name}
            )
        if len(candidates) > 1:
            raise RowProblem(
                "working_group",
                _("Several bodies are named %(name)s: write the one you mean in full.") % {"name": name},
            )
        return candidates[0]

    def duplicate_keys(self, values):
        order = parse_number(values.get("order", "")).strip()
        return [("order", ("order", order))] if order else []

    def create(self, *, by, values):
        agenda_item_add(
            by=by,
            meeting=self.meeting,
            order=self._order(values),
            title=values.get("title", ""),
            description=values.get("description", ""),
            working_group=self._working_group(by, values.get("working_group", "")),
        )


class AttendanceImporter(MeetingRowsImporter):
    entity = "attendance"
    label = gettext_lazy("Meeting attendance")
    columns = (
        Column("full_name", "ชื่อ-นามสกุล", "Full name", ("ชื่อ นามสกุล", "ชื่อและนามสกุล", "ชื่อ", "name")),
        Column("organisation", "องค์กร", "Organisation", ("หน่วยงาน", "ชื่อองค์กร", "organization")),
        Column("role", "บทบาท", "Role", ("ตำแหน่ง", "บทบาทในที่ประชุม")),
    )
    main_column = "full_name"
    area_column = "full_name"
    field_columns = {"person": "full_name"}

    def missing_columns(self, present):
        if "full_name" in present or "organisation" in present:
            return []
        return [self.column("full_name")]

    def main_column_for(self, values):
        return "full_name" if values.get("full_name") or not values.get("organisation") else "organisation"

    def _person(self, by, full_name: str) -> Person | None:
        """The one person the user can see with this name; the title is not compared ("นาง" or "นางสาว")."""
        if not full_name:
            return None
        name = strip_person_title(clean_text(full_name))[1]
        wanted = compact(name)
        found = [
            person
            for person in person_list(user=by, search=name)
            if compact(f"{person.first_name}{person.last_name}") == wanted
        ]
        if not found:
            raise RowProblem(
                "full_name",
                _("No person named %(name)s is in your areas: add them to the directory first.")
                % {"name": name},
            )
        if len(found) > 1:
            raise RowProblem(
                "full_name",
                _("Several people in your areas are named %(name)s: record this one on the meeting's page.")
                % {"name": name},
            )
        return found[0]

    def _organisation(self, by, name: str) -> Organisation | None:
        """By its exact name or abbreviation, else the directory's search if it finds exactly one."""
        if not name:
            return None
        try:
            return find_organisation(
                by=by, name=name, near_code=self.meeting.body.area_id, column="organisation"
            )
        except RowProblem:
            found = list(organisation_list(user=by, search=name)[:2])
            if len(found) == 1:
                return found[0]
            raise

    def duplicate_keys(self, values):
        name = compact(strip_person_title(clean_text(values.get("full_name", "")))[1])
        return [(self.main_column_for(values), ("attendance", name, compact(values.get("organisation", ""))))]

    def create(self, *, by, values):
        found, problems = {}, []
        for key, find in (("full_name", self._person), ("organisation", self._organisation)):
            try:
                found[key] = find(by, values.get(key, ""))
            except RowProblem as problem:
                problems.extend(problem.problems)
        if problems:
            raise RowProblem(problems=problems)
        person, organisation = found["full_name"], found["organisation"]
        attendance_record(
            by=by,
            meeting=self.meeting,
            person=person,
            organisation=organisation,
            role=clean_text(values.get("role", "")),
        )


MEETING_IMPORTERS = (AgendaImporter(), AttendanceImporter())
