"""What the review page needs of a draft: its text cut into passages (each marked with the fields read from it),
the people and organisations it names matched to the directory (the duplicate check), the body the report is
about, and the targets its figures may count towards."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from sanphalang.areas.models import Area
from sanphalang.directory.seeds import NATIONAL_ISSUE_AREAS
from sanphalang.meetings.forms.choices import changeable_bodies
from sanphalang.meetings.selectors.attendance import LineMatch, lines_match
from sanphalang.plans.access import plan_covers, plan_read_q
from sanphalang.plans.models import Indicator
from sanphalang.plans.periods import year_of
from sanphalang.thai.dates import format_be_date
from sanphalang.thai.names import compact
from sanphalang.thai.preferences import in_page_language
from sanphalang.thai.templatetags.thai import digits

from ..labels import EVENT_KINDS, UNITS
from ..models import SourceDocument

if TYPE_CHECKING:
    from sanphalang.accounts.models import User
    from sanphalang.meetings.models import Body


@dataclass(frozen=True)
class Passage:
    """A piece of the report's text and the fields read from it (none: plain text)."""

    text: str
    fields: tuple[str, ...] = ()


@dataclass
class NamedLine:
    """A person or organisation the draft names, with its passage's key and what the directory holds for it."""

    key: str
    name: str
    match: LineMatch
    title: str = ""
    position: str = ""
    organisation: str = ""


@dataclass
class Proposal:
    """The draft as the review form starts from it."""

    people: list[NamedLine] = field(default_factory=list)
    organisations: list[NamedLine] = field(default_factory=list)
    body: Body | None = None
    chair_line: int | None = None


def _spans(draft: dict) -> list[tuple[int, int, str]]:
    """(start, end, key) of every value of the draft that came from a passage of the text."""
    spans = []
    for key in ("event_kind", "event_date", "province", "meeting_number", "venue", "participant_count"):
        if draft.get(key):
            spans.append((*draft[key]["span"], key))
    if draft.get("chair"):
        spans.append((*draft["chair"]["span"], "chair"))
    for list_key, prefix in (
        ("people", "person"),
        ("organisations", "organisation"),
        ("figures", "figure"),
        ("periods", "period"),
        ("resolutions", "resolution"),
        ("issues", "issue"),
        ("provinces", "provinces"),
    ):
        for number, item in enumerate(draft.get(list_key) or []):
            key = prefix if prefix == "provinces" else f"{prefix}-{number}"
            spans.append((*item["span"], key))
    return [(start, end, key) for start, end, key in spans if end > start]


def passages(document: SourceDocument) -> list[Passage]:
    """The text cut where any field's passage begins or ends, each piece with the fields that cover it."""
    text = document.text
    spans = _spans(document.draft or {})
    cuts = sorted({0, len(text), *(edge for start, end, _key in spans for edge in (start, end))})
    pieces = []
    for start, end in zip(cuts, cuts[1:], strict=False):
        keys = tuple(key for span_start, span_end, key in spans if span_start <= start and end <= span_end)
        pieces.append(Passage(text[start:end], keys))
    return pieces


def _body_named(user: User, text: str) -> Body | None:
    """The body of the user's areas whose name the report gives, the longest name first ("…จังหวัดเชียงราย")."""
    plain = compact(text)
    named = [body for body in changeable_bodies(user) if compact(body.name_th) in plain]
    return max(named, key=lambda body: len(body.name_th), default=None)


def review_proposal(*, user: User, document: SourceDocument) -> Proposal:
    draft = document.draft or {}
    people = draft.get("people") or []
    organisations = draft.get("organisations") or []
    person_names = [f"{person['title']}{person['name']}" for person in people]
    proposal = Proposal(body=_body_named(user, document.text))
    for number, (person, match) in enumerate(
        zip(people, lines_match(user=user, lines=person_names, organisations=False), strict=True)
    ):
        proposal.people.append(
            NamedLine(
                key=f"person-{number}",
                name=person_names[number],
                match=match,
                title=person["title"],
                position=person["position"],
                organisation=person.get("organisation", ""),
            )
        )
    names = [organisation["value"] for organisation in organisations]
    for number, (name, match) in enumerate(
        zip(names, lines_match(user=user, lines=names, people=False), strict=True)
    ):
        proposal.organisations.append(NamedLine(key=f"organisation-{number}", name=name, match=match))
    chair = draft.get("chair")
    if chair:
        proposal.chair_line = next(
            (number for number, person in enumerate(people) if person["name"] == chair["name"]), None
        )
    return proposal


def progress_targets(*, user: User, document: SourceDocument, on: dt.date | None) -> list[Indicator]:
    """The targets a figure of the report may be entered on: typed (not counted) targets of plans the user
    reads that cover the report's area, of the year the report's date falls in when it has one."""
    indicators = (
        Indicator.objects.filter(plan_read_q(user, "plan__"), counted_by="")
        .select_related("plan", "plan__region")
        .prefetch_related("plan__region__provinces")
        .order_by("-plan__year_be", "plan__title", "order", "pk")
    )
    found = [indicator for indicator in indicators if plan_covers(indicator.plan, document.area_id)]
    if on is not None:
        found = [
            indicator
            for indicator in found
            if year_of(indicator.plan.year_kind, on) == indicator.plan.year_be
        ] or found
    return found


def progress_areas(*, document: SourceDocument) -> list[Area]:
    """The areas a figure may be entered for: the report's area and the areas just below it."""
    return list(
        Area.objects.filter(Q(code=document.area_id) | Q(parent_id=document.area_id)).order_by("code")
    )


@dataclass(frozen=True)
class DraftRow:
    """One field of the draft as the page shows it: its label and its values, each with its passage's key."""

    label: str
    items: list[tuple[str, str]]


def _issue_names() -> dict[str, str]:
    return {slug: in_page_language(name_th, name_en) for slug, name_th, name_en in NATIONAL_ISSUE_AREAS}


def _be(value: str | None) -> str:
    try:
        return format_be_date(dt.date.fromisoformat(value)) if value else ""
    except ValueError:
        return value or ""


def draft_rows(draft: dict, *, everything: bool = True) -> list[DraftRow]:
    """The draft's fields in the reader's words. everything=False leaves out what the review form shows itself
    (the meeting, people, organisations, figures, resolutions): only the provinces, issue areas and periods."""

    def one(key, label, shown) -> None:
        if draft.get(key):
            rows.append(DraftRow(str(label), [(key, shown(draft[key]))]))

    def many(key, prefix, label, shown) -> None:
        items = [(f"{prefix}-{n}", shown(item)) for n, item in enumerate(draft.get(key) or [])]
        if items:
            rows.append(DraftRow(str(label), items))

    rows: list[DraftRow] = []
    if everything:
        one("event_kind", _("Kind of event"), lambda item: str(EVENT_KINDS.get(item["value"], item["value"])))
        one("event_date", _("Date"), lambda item: _be(item["value"]))
        one("meeting_number", _("Meeting number"), lambda item: digits(item["value"]))
        one("venue", _("Venue"), lambda item: item["value"])
        one("chair", _("Chair"), lambda item: f"{item['title']}{item['name']} {item['position']}".strip())
        one("participant_count", _("Participants"), lambda item: digits(item["value"]))
    if draft.get("provinces"):
        rows.append(
            DraftRow(
                str(_("Provinces named")), [("provinces", ", ".join(p["value"] for p in draft["provinces"]))]
            )
        )
    many("issues", "issue", _("Issue areas"), lambda item: _issue_names().get(item["value"], item["value"]))
    many(
        "periods",
        "period",
        _("Periods"),
        lambda item: (
            f"{_be(item['start'])} – {_be(item['end'])}" + (f" ({item['about']})" if item["about"] else "")
        ),
    )
    if everything:
        many(
            "people",
            "person",
            _("People"),
            lambda item: (
                f"{item['title']}{item['name']}" + (f" — {item['position']}" if item["position"] else "")
            ),
        )
        many("organisations", "organisation", _("Organisations"), lambda item: item["value"])
        many(
            "figures",
            "figure",
            _("Figures"),
            lambda item: (
                f"{digits(item['value'])} {UNITS.get(item['unit'], item['unit'])}"
                + (f" ({item['about']})" if item["about"] else "")
            ),
        )
        many("resolutions", "resolution", _("Resolutions"), lambda item: item["value"])
    return rows
