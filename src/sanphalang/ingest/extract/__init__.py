"""The extractor: a report's text in, a Draft out, every value with the span it came from. Rules and gazetteers
over PyThaiNLP's tokenizer; one module per topic."""

from ..draft import Draft
from . import areas, dates, figures, issues, meetings, organisations, people, periods
from .gazetteer import KnownOrganisation, shipped_organisations
from .text import Text


def extract(text: str, *, known: tuple[KnownOrganisation, ...] | None = None) -> Draft:
    """Read a report. known: organisations to match (the directory's); the shipped list is always added."""
    known = tuple(known or ()) + shipped_organisations()
    prepared = Text(text, extra_words=frozenset(org.name for org in known))
    mentions = dates.date_mentions(prepared)
    found_periods = periods.periods(prepared, mentions)
    period_spans = [period.span for period in found_periods]
    date_spans = [mention.span for mention in mentions]
    found_people = people.people(prepared)
    province, provinces = areas.extract_provinces(prepared)
    return Draft(
        text=text,
        event_kind=meetings.event_kind(prepared),
        event_date=dates.event_date(prepared, mentions, period_spans),
        province=province,
        provinces=provinces,
        meeting_number=meetings.meeting_number(prepared),
        venue=meetings.venue(prepared),
        chair=meetings.chair(prepared, found_people),
        people=found_people,
        participant_count=meetings.participant_count(prepared),
        organisations=organisations.organisations(prepared, known),
        issues=issues.issues(prepared),
        figures=figures.figures(prepared, date_spans),
        periods=found_periods,
        resolutions=meetings.resolutions(prepared),
    )
