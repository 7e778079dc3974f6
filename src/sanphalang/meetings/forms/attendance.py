"""Forms of attendance in bulk: ticks on the body's roster, a pasted list, and the review of its matched lines."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from sanphalang.directory.models import OrganisationKind
from sanphalang.thai.forms import ThaiIntegerField
from sanphalang.web.forms import StyledFormMixin

from ..errors import MeetingError
from ..selectors.attendance import LineMatch, RosterLine, attendance_roster, kind_proposed_for, pasted_lines
from ..services.attendance import AttendanceEntry, NewOrganisation, NewPerson
from .bodies import MEMBERSHIP_ROLES

NEW_ORGANISATION = "new-organisation"
NEW_PERSON = "new-person"
COUNT_ONLY = "count"
LEAVE_OUT = "skip"
FOR_UNMATCHED = [
    ("", _("Choose for each line")),
    (NEW_ORGANISATION, _("Create each as an organisation")),
    (NEW_PERSON, _("Create each as a person")),
    (COUNT_ONLY, _("Count each in the number of participants, not by name")),
    (LEAVE_OUT, _("Leave them out")),
]


def _unnamed_field() -> ThaiIntegerField:
    return ThaiIntegerField(
        label=_("Others who came, not by name"),
        required=False,
        min_value=0,
        max_value=100_000,
        help_text=_("Added to the number of participants (Thai digits are fine: ๕)"),
    )


class RosterForm(StyledFormMixin, forms.Form):
    """The members of the body and its working groups not yet recorded, to tick."""

    attendees = forms.MultipleChoiceField(
        label=_("Members who came"), widget=forms.CheckboxSelectMultiple, required=True
    )

    def __init__(self, *args, roster: list[RosterLine], **kwargs):
        kwargs.setdefault("prefix", "roster")
        super().__init__(*args, **kwargs)
        self.roster = roster
        self.lines = {line.key: line for line in roster if not line.recorded}
        self.fields["attendees"].choices = [(key, key) for key in self.lines]
        self.fields["attendees"].error_messages["required"] = _("Tick at least one member.")

    def shown(self):
        """The roster's lines, each with the position to show: its title, else its role's label."""
        labels = dict(MEMBERSHIP_ROLES)
        for line in self.roster:
            yield line, line.title or labels.get(line.role, "")

    def entries(self) -> list[AttendanceEntry]:
        chosen = [self.lines[key] for key in self.cleaned_data["attendees"]]
        return [AttendanceEntry(person=line.person, organisation=line.organisation) for line in chosen]


class PasteForm(StyledFormMixin, forms.Form):
    names = forms.CharField(
        label=_("Names, one a line"),
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_(
            "Organisations or people, as the sign-in sheet gives them; numbering such as 1. or ๑) is left out."
        ),
    )
    unnamed = _unnamed_field()

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("prefix", "paste")
        super().__init__(*args, **kwargs)

    def clean_names(self) -> list[str]:
        lines = pasted_lines(self.cleaned_data["names"])
        if not lines:
            raise forms.ValidationError(MeetingError.NO_ATTENDANCE_LINES.message())
        return lines


class ReviewForm(StyledFormMixin, forms.Form):
    """One choice per pasted line: the match (or another candidate), a record to create, a count, or nothing."""

    unmatched = forms.ChoiceField(label=_("Lines nothing matches"), choices=FOR_UNMATCHED, required=False)
    unnamed = _unnamed_field()

    def __init__(self, *args, matches: list[LineMatch], **kwargs):
        kwargs.setdefault("prefix", "review")
        super().__init__(*args, **kwargs)
        self.fields["unmatched"].widget.attrs["data-sets-unmatched"] = ""
        self.matches = matches
        for match in matches:
            n = match.number
            self.fields[f"line_{n}"] = forms.CharField(widget=forms.HiddenInput, initial=match.text)
            choices = [
                (
                    candidate.key,
                    str(candidate.record.name_with_title if candidate.is_person else candidate.record),
                )
                for candidate in match.candidates
            ]
            if match.status != "matched":
                choices.insert(0, ("", pgettext_lazy("attendance line", "Choose")))
            choices += [
                (NEW_ORGANISATION, _("Create as a new organisation")),
                (NEW_PERSON, _("Create as a new person")),
                (COUNT_ONLY, _("Count only, not by name")),
                (LEAVE_OUT, _("Leave out")),
            ]
            self.fields[f"choice_{n}"] = forms.ChoiceField(
                label=match.text,
                choices=choices,
                required=False,
                initial=match.match.key if match.match else "",
            )
            self.fields[f"kind_{n}"] = forms.ChoiceField(
                label=_("Kind of the new organisation"),
                choices=OrganisationKind.choices,
                initial=kind_proposed_for(match.text),
            )
            self.fields[f"choice_{n}"].widget.attrs["class"] = "form-select form-select-sm"
            if match.status == "unmatched":
                self.fields[f"choice_{n}"].widget.attrs["data-unmatched"] = ""
            self.fields[f"kind_{n}"].widget.attrs["class"] = "form-select form-select-sm"

    def rows(self):
        """The review's table: each line with its match and its two fields."""
        for match in self.matches:
            yield (
                match,
                self[f"line_{match.number}"],
                self[f"choice_{match.number}"],
                self[f"kind_{match.number}"],
            )

    def clean(self):
        cleaned = super().clean()
        for match in self.matches:
            name = f"choice_{match.number}"
            if not cleaned.get(name):
                if match.status == "unmatched" and cleaned.get("unmatched"):
                    cleaned[name] = cleaned["unmatched"]
                else:
                    self.add_error(name, MeetingError.ATTENDANCE_CHOICE_NEEDED.message())
        return cleaned

    def entries(self) -> tuple[list[tuple[int, AttendanceEntry]], int]:
        """What to record, each with its line's number, and how many more to count without a name."""
        entries, counted = [], self.cleaned_data.get("unnamed") or 0
        for match in self.matches:
            choice = self.cleaned_data[f"choice_{match.number}"]
            if choice == NEW_ORGANISATION:
                kind = self.cleaned_data.get(f"kind_{match.number}") or OrganisationKind.OTHER
                entry = AttendanceEntry(organisation=NewOrganisation(name_th=match.text, kind=kind))
            elif choice == NEW_PERSON:
                entry = AttendanceEntry(person=NewPerson(full_name=match.text))
            elif choice == COUNT_ONLY:
                counted += 1
                continue
            elif choice == LEAVE_OUT:
                continue
            else:
                found = next(c for c in match.candidates if c.key == choice)
                entry = AttendanceEntry(**{"person" if found.is_person else "organisation": found.record})
            entries.append((match.number, entry))
        return entries, counted


def bulk_attendance_forms(*, user, meeting, bound: dict) -> dict:
    """The meeting page's forms of attendance in bulk: a form that failed comes back bound, with its errors."""
    roster_form = bound.get("roster_form") or RosterForm(roster=attendance_roster(user=user, meeting=meeting))
    return {"roster_form": roster_form, "paste_form": bound.get("paste_form") or PasteForm()}
