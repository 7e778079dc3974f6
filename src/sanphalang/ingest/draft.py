"""A draft of what a report says: each value carries the span (start, end offsets in the text) it came from."""

from dataclasses import dataclass, field
from typing import Any

Span = tuple[int, int]


@dataclass(frozen=True)
class Found:
    """One value read from the text, with the passage it came from."""

    value: Any
    span: Span


@dataclass(frozen=True)
class Person:
    name: str
    title: str
    position: str
    span: Span
    organisation: str = ""

    def as_dict(self) -> dict:
        return {"name": self.name, "title": self.title, "position": self.position}

    def as_stored(self) -> dict:
        return {**self.as_dict(), "organisation": self.organisation, "span": list(self.span)}


@dataclass(frozen=True)
class Figure:
    value: int
    unit: str
    about: str
    span: Span

    def as_dict(self) -> dict:
        return {"value": self.value, "unit": self.unit, "about": self.about}

    def as_stored(self) -> dict:
        return {**self.as_dict(), "span": list(self.span)}


@dataclass(frozen=True)
class Period:
    start: str
    end: str
    about: str
    span: Span

    def as_dict(self) -> dict:
        return {"start": self.start, "end": self.end, "about": self.about}

    def as_stored(self) -> dict:
        return {**self.as_dict(), "span": list(self.span)}


@dataclass
class Draft:
    text: str
    event_kind: Found | None = None
    event_date: Found | None = None
    province: Found | None = None
    provinces: list[Found] = field(default_factory=list)
    meeting_number: Found | None = None
    venue: Found | None = None
    chair: Person | None = None
    people: list[Person] = field(default_factory=list)
    participant_count: Found | None = None
    organisations: list[Found] = field(default_factory=list)
    issues: list[Found] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    periods: list[Period] = field(default_factory=list)
    resolutions: list[Found] = field(default_factory=list)

    def as_json(self) -> dict:
        """The shape `sanphalang ingest --json` prints: values only, dates ISO (CE), numbers as integers."""

        def value(found):
            return found.value if found else None

        return {
            "event_kind": value(self.event_kind) or "other",
            "event_date": value(self.event_date),
            "province": value(self.province),
            "provinces": [found.value for found in self.provinces],
            "meeting_number": value(self.meeting_number),
            "venue": value(self.venue),
            "chair": self.chair.as_dict() if self.chair else None,
            "people": [person.as_dict() for person in self.people],
            "participant_count": value(self.participant_count),
            "organisations": [found.value for found in self.organisations],
            "issues": [found.value for found in self.issues],
            "figures": [figure.as_dict() for figure in self.figures],
            "periods": [period.as_dict() for period in self.periods],
            "resolutions": [found.value for found in self.resolutions],
        }

    def as_stored(self) -> dict:
        """What a document keeps of its draft: every value with the span of the text it came from, for the review
        page to show each field beside its passage."""

        def found(item):
            return {"value": item.value, "span": list(item.span)} if item else None

        return {
            "event_kind": found(self.event_kind),
            "event_date": found(self.event_date),
            "province": found(self.province),
            "provinces": [found(item) for item in self.provinces],
            "meeting_number": found(self.meeting_number),
            "venue": found(self.venue),
            "chair": self.chair.as_stored() if self.chair else None,
            "people": [person.as_stored() for person in self.people],
            "participant_count": found(self.participant_count),
            "organisations": [found(item) for item in self.organisations],
            "issues": [found(item) for item in self.issues],
            "figures": [figure.as_stored() for figure in self.figures],
            "periods": [period.as_stored() for period in self.periods],
            "resolutions": [found(item) for item in self.resolutions],
        }
