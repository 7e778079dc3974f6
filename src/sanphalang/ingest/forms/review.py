"""The review of a draft: the meeting, each person and organisation named (the record it is, a new one, or left
out), the resolutions and the figures to enter as progress, all prefilled from the draft for the reviewer to
correct. It turns what was typed into a services/review.py Review; a refusal goes back onto its field."""

from __future__ import annotations

import datetime as dt

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from sanphalang.directory.models import OrganisationKind
from sanphalang.meetings.forms.choices import changeable_bodies
from sanphalang.meetings.selectors.attendance import kind_proposed_for
from sanphalang.thai.forms import BEDateField, ThaiIntegerField
from sanphalang.web.areas import area_label
from sanphalang.web.forms import StyledFormMixin

from ..errors import ReviewError
from ..labels import EVENT_KINDS, UNITS
from ..selectors.review import NamedLine, Proposal
from ..services.review import FigureLine, MeetingPart, NameLine, Review

CREATE = "new"
LEAVE_OUT = "skip"
# Which form field a refusal's place in the review belongs to.
_MEETING_FIELDS = {
    "held_on": "held_on",
    "number": "number",
    "body": "body",
    "venue": "venue",
    "title": "title",
}
_LINE_PREFIXES = {"people": "person", "organisations": "organisation", "figures": "figure"}
_LINE_FIELDS = {"person": "choice", "organisation": "choice", "figure": "target"}


def _date(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if value else None
    except ValueError:
        return None


def held_on_of(document) -> dt.date | None:
    """The date the draft read for the event, if any."""
    return _date(((document.draft or {}).get("event_date") or {}).get("value"))


def _meeting_number(value: str | None) -> int | None:
    number = (value or "").partition("/")[0]
    return int(number) if number.isdigit() else None


def _choice_field(line: NamedLine, *, new_label) -> forms.ChoiceField:
    choices = [
        (f"{candidate.record.pk}", _candidate_label(candidate.record)) for candidate in line.match.candidates
    ]
    if line.match.status == "ambiguous":
        choices.insert(0, ("", pgettext_lazy("review line", "Choose")))
    choices += [(CREATE, new_label), (LEAVE_OUT, _("Leave out"))]
    initial = (
        str(line.match.match.record.pk)
        if line.match.match
        else ("" if line.match.status == "ambiguous" else CREATE)
    )
    return forms.ChoiceField(label=_("Record as"), choices=choices, required=False, initial=initial)


def _candidate_label(record) -> str:
    name = getattr(record, "name_with_title", None) or str(record)
    area = getattr(record, "area", None)
    return f"{name} ({area_label(area)})" if area is not None else name


class DocumentReviewForm(StyledFormMixin, forms.Form):
    event_kind = forms.ChoiceField(label=_("Kind of event"), choices=list(EVENT_KINDS.items()))
    held_on = BEDateField(label=_("Date"), required=False)
    record_meeting = forms.BooleanField(
        label=_("Record it as a meeting of a body"),
        required=False,
        help_text=_(
            "With its attendance and resolutions. Untick to take only the people, organisations and figures."
        ),
    )
    body = forms.ModelChoiceField(label=_("Body"), queryset=None, required=False)
    number = ThaiIntegerField(label=_("Meeting number"), required=False, min_value=1, max_value=10_000)
    title = forms.CharField(label=pgettext_lazy("meeting title", "Title"), max_length=300, required=False)
    venue = forms.CharField(label=_("Venue"), max_length=300, required=False)
    chair_line = forms.ChoiceField(label=_("Chair"), required=False)
    chair_title = forms.CharField(label=_("Chair's position"), max_length=200, required=False)
    head_count = ThaiIntegerField(label=_("Participants"), required=False, min_value=0, max_value=1_000_000)
    resolutions = forms.CharField(
        label=_("Resolutions, one a line"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )

    def __init__(self, *args, user, document, proposal: Proposal, targets, areas, **kwargs):
        draft = document.draft or {}
        chair = draft.get("chair") or {}
        kind = (draft.get("event_kind") or {}).get("value") or "other"
        kwargs.setdefault(
            "initial",
            {
                "event_kind": kind,
                "held_on": held_on_of(document),
                "record_meeting": proposal.body is not None or kind == "meeting",
                "body": proposal.body,
                "number": _meeting_number((draft.get("meeting_number") or {}).get("value")),
                "venue": (draft.get("venue") or {}).get("value", ""),
                "chair_line": "" if proposal.chair_line is None else str(proposal.chair_line),
                "chair_title": chair.get("position", ""),
                "head_count": (draft.get("participant_count") or {}).get("value"),
                "resolutions": "\n".join(item["value"] for item in draft.get("resolutions") or []),
            },
        )
        super().__init__(*args, **kwargs)
        self.proposal = proposal
        self.figures = draft.get("figures") or []
        self.fields["body"].queryset = changeable_bodies(user)
        self.fields["chair_line"].choices = [("", _("Not given"))] + [
            (str(number), line.name) for number, line in enumerate(proposal.people)
        ]
        self.targets = {str(indicator.pk): indicator for indicator in targets}
        self.areas = {area.code: area for area in areas}
        for number, line in enumerate(proposal.people):
            self._name_fields("person", number, line, new_label=_("Create as a new person"), attended=True)
            self.fields[f"person_{number}_position"] = forms.CharField(
                label=_("Position"), max_length=200, required=False, initial=line.position
            )
        for number, line in enumerate(proposal.organisations):
            self._name_fields(
                "organisation", number, line, new_label=_("Create as a new organisation"), attended=False
            )
            self.fields[f"organisation_{number}_kind"] = forms.ChoiceField(
                label=_("Kind of the new organisation"),
                choices=OrganisationKind.choices,
                initial=kind_proposed_for(line.name),
            )
        target_choices = [("", _("Not entered as progress"))] + [
            (key, f"{indicator.plan.title}: {indicator.name}") for key, indicator in self.targets.items()
        ]
        area_choices = [(code, area_label(area)) for code, area in self.areas.items()]
        for number, figure in enumerate(self.figures):
            self.fields[f"figure_{number}_value"] = ThaiIntegerField(
                label=_("Value"), min_value=0, max_value=10**12, initial=figure["value"], required=False
            )
            self.fields[f"figure_{number}_about"] = forms.CharField(
                label=_("What it counts"), max_length=300, required=False, initial=figure["about"]
            )
            self.fields[f"figure_{number}_target"] = forms.ChoiceField(
                label=_("Target"), choices=target_choices, required=False
            )
            self.fields[f"figure_{number}_area"] = forms.ChoiceField(
                label=_("Area"), choices=area_choices, initial=document.area_id, required=False
            )

    def _name_fields(self, prefix: str, number: int, line: NamedLine, *, new_label, attended: bool) -> None:
        self.fields[f"{prefix}_{number}_name"] = forms.CharField(
            label=_("Name"), max_length=300, required=False, initial=line.name
        )
        self.fields[f"{prefix}_{number}_choice"] = _choice_field(line, new_label=new_label)
        self.fields[f"{prefix}_{number}_attended"] = forms.BooleanField(
            label=_("Came to the meeting"), required=False, initial=attended
        )

    # ---- what the template shows, section by section

    def people_rows(self) -> list:
        return [
            (line, [self[f"person_{number}_{name}"] for name in ("name", "position", "choice", "attended")])
            for number, line in enumerate(self.proposal.people)
        ]

    def organisation_rows(self) -> list:
        return [
            (line, [self[f"organisation_{number}_{name}"] for name in ("name", "choice", "kind", "attended")])
            for number, line in enumerate(self.proposal.organisations)
        ]

    def figure_rows(self):
        for number, figure in enumerate(self.figures):
            yield (
                f"figure-{number}",
                UNITS.get(figure["unit"], figure["unit"]),
                [self[f"figure_{number}_{name}"] for name in ("value", "about", "target", "area")],
            )

    # ---- cleaning into a Review

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("record_meeting") and not cleaned.get("body") and "body" not in self.errors:
            self.add_error("body", ReviewError.NO_BODY.message())
        for prefix, lines in (
            ("person", self.proposal.people),
            ("organisation", self.proposal.organisations),
        ):
            for number in range(len(lines)):
                if not cleaned.get(f"{prefix}_{number}_choice"):
                    self.add_error(f"{prefix}_{number}_choice", ReviewError.CHOICE_NEEDED.message())
        for number in range(len(self.figures)):
            if cleaned.get(f"figure_{number}_target") and cleaned.get(f"figure_{number}_value") is None:
                self.add_error(f"figure_{number}_value", ReviewError.VALUE_NEEDED.message())
        return cleaned

    def _line(self, prefix: str, number: int, line: NamedLine) -> NameLine:
        data = self.cleaned_data
        choice = data[f"{prefix}_{number}_choice"]
        record = None
        if choice not in (CREATE, LEAVE_OUT):
            record = next(c.record for c in line.match.candidates if str(c.record.pk) == choice)
        return NameLine(
            name=data.get(f"{prefix}_{number}_name") or line.name,
            record=record,
            create=choice == CREATE,
            position=data.get(f"{prefix}_{number}_position", ""),
            kind=data.get(f"{prefix}_{number}_kind") or OrganisationKind.OTHER,
            attended=bool(data.get(f"{prefix}_{number}_attended")),
        )

    def review(self) -> Review:
        data = self.cleaned_data
        chair_line = data.get("chair_line")
        meeting = None
        if data.get("record_meeting"):
            meeting = MeetingPart(
                body=data.get("body"),
                number=data.get("number"),
                title=data.get("title", ""),
                venue=data.get("venue", ""),
                chair_line=int(chair_line) if chair_line else None,
                chair_title=data.get("chair_title", ""),
                head_count=data.get("head_count"),
            )
        figures = [
            FigureLine(
                value=data[f"figure_{number}_value"],
                about=data.get(f"figure_{number}_about", ""),
                indicator=self.targets[data[f"figure_{number}_target"]],
                area_code=data.get(f"figure_{number}_area") or "",
            )
            for number in range(len(self.figures))
            if data.get(f"figure_{number}_target")
        ]
        return Review(
            held_on=data.get("held_on"),
            meeting=meeting,
            people=[self._line("person", n, line) for n, line in enumerate(self.proposal.people)],
            organisations=[
                self._line("organisation", n, line) for n, line in enumerate(self.proposal.organisations)
            ],
            resolutions=[line for line in (data.get("resolutions") or "").splitlines() if line.strip()],
            figures=figures,
        )

    def show_refusal(self, error: ValidationError) -> None:
        """A refusal of document_accept at the fields its places name ("people.2.name" → person_2_name)."""
        if not hasattr(error, "error_dict"):
            for message in error.messages:
                self.add_error(None, message)
            return
        for place, messages in error.message_dict.items():
            self._add_at(place, messages)

    def _add_at(self, place: str, messages: list[str]) -> None:
        parts = place.split(".")
        name = None
        if parts[0] == "meeting":
            name = _MEETING_FIELDS.get(parts[1]) if len(parts) > 1 else None
        elif parts[0] == "resolutions":
            name = "resolutions"
        elif parts[0] in _LINE_PREFIXES and len(parts) > 1 and parts[1].isdigit():
            prefix = _LINE_PREFIXES[parts[0]]
            field = parts[2] if len(parts) > 2 else _LINE_FIELDS[prefix]
            candidate = f"{prefix}_{parts[1]}_{field}"
            name = candidate if candidate in self.fields else f"{prefix}_{parts[1]}_{_LINE_FIELDS[prefix]}"
        elif parts[0] in self.fields:
            name = parts[0]
        for message in messages:
            self.add_error(name if name in self.fields else None, message)
