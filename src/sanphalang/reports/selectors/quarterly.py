"""The quarterly report to the governor (S2): its records, and the assembly of its content from the records of the
province for the quarter, as a JSON document (plain strings, numbers as text, ISO dates) so that an issued edition
is frozen as data and its files are rendered from that data alone.

The report names organisations, bodies and agencies, never a person: an action item's owner is its organisation
(its owner person is not read), meetings give their number and date (not their chair or attendance), and the care
and welfare parts are counts."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from typing import TYPE_CHECKING

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import Http404
from django.utils import timezone, translation

from sanphalang.areas.models import Area
from sanphalang.areas.scoping import scope_for
from sanphalang.errors import AccessDenied

from ..access import require_report_read, require_report_write
from ..figures import FIGURES, Figure, Kind, WorkArea, count
from ..models import QuarterlyEdition, QuarterlyReport
from .dashboards import dashboard

if TYPE_CHECKING:
    from sanphalang.accounts.models import User

CONTENT_FORMAT = 1
GENERAL = "general"
NOTE_FIELDS = ("work_done", "problems", "requests")
# The figures of the summary page, with the change since the quarter before, and the two drawn as charts.
KEY_FIGURES = (
    "meetings_held",
    "resolutions",
    "action_items_done",
    "action_items_overdue",
    "letters_sent",
    "charters_enacted",
    "registrations_done",
    "welfare_funds",
    "welfare_members",
    "cases_opened",
    "help_given",
    "housing_completed",
)
CHART_FIGURES = ("meetings_held", "help_given")
LISTED_AT_MOST = {"actions_overdue": 30, "letters_waiting": 30}
WELFARE_FIGURES = ("welfare_funds", "welfare_members", "welfare_balance")
CARE_FIGURES = (
    "households",
    "cases_opened",
    "cases_closed",
    "cases_open",
    "help_given",
    "help_value",
    "referrals_sent",
    "housing_completed",
)


def _closed_cases():
    from sanphalang.care.models import Case

    return Case.objects.filter(closed_on__isnull=False)


# Counted like the dashboards' figures, but shown only here: not registered, so no dashboard lists it.
CASES_CLOSED = Figure(
    "cases_closed",
    translation.gettext_lazy("Cases closed"),
    translation.gettext_lazy("cases"),
    WorkArea.CARE,
    Kind.FLOW,
    _closed_cases,
    "area_id",
    "closed_on",
)


# --- the reports ----------------------------------------------------------------------------------------------


def quarterly_report_list(*, user: User, province: str | None = None) -> QuerySet[QuarterlyReport]:
    """The reports of the provinces the user reads."""
    scope = scope_for(user)
    qs = QuarterlyReport.objects.filter(scope.subtree_q("province_id"))
    if province:
        qs = qs.filter(province_id=province)
    return qs.select_related("province").order_by("province__code", "-year_be", "-quarter", "year_kind")


def quarterly_report_get(*, user: User, pk: int) -> QuarterlyReport:
    report = QuarterlyReport.objects.select_related("province").filter(pk=pk).first()
    if report is None:
        raise Http404
    try:
        require_report_read(user, report.province_id)
    except AccessDenied:
        raise Http404 from None
    return report


def quarterly_report_get_for_change(*, user: User, pk: int) -> QuarterlyReport:
    """A report the user may edit and issue: 404 outside the user's areas, AccessDenied for a reader."""
    report = quarterly_report_get(user=user, pk=pk)
    require_report_write(user, report.province_id)
    return report


def edition_list(*, user: User, report: QuarterlyReport) -> QuerySet[QuarterlyEdition]:
    """The issued editions of a report fetched through quarterly_report_get, newest first (files deferred)."""
    require_report_read(user, report.province_id)
    return report.editions.filter(number__isnull=False).defer("pdf", "docx", "content").order_by("-number")


def edition_get(*, user: User, report: QuarterlyReport, number: int | None) -> QuarterlyEdition:
    """An issued edition by its number, or (number None) the latest draft preview, which only writers see."""
    if number is None:
        require_report_write(user, report.province_id)
    else:
        require_report_read(user, report.province_id)
    edition = report.editions.filter(number=number).order_by("-built_at").first()
    if edition is None:
        raise Http404
    return edition


def province_choices(*, user: User) -> list[tuple[str, str]]:
    """The provinces the user writes in, for a new report."""
    scope = scope_for(user)
    provinces = Area.objects.filter(level="province").order_by("sort_key")
    if not scope.national:
        provinces = provinces.filter(code__in={prefix[:2] for prefix in scope.prefixes if len(prefix) == 2})
    return [(area.code, area.name_th) for area in provinces]


def governor_action_items(*, user: User, report: QuarterlyReport) -> QuerySet:
    """The open action items of the province's bodies the issuer may close with the report, those that repeat
    first (the quarter's "report to the governor" is one)."""
    from sanphalang.meetings.models import OPEN_STATUSES, ActionItem

    require_report_write(user, report.province_id)
    return (
        ActionItem.objects.filter(body__area__pk__startswith=report.province_id, status__in=OPEN_STATUSES)
        .select_related("body", "owner_organisation")
        .order_by("recurrence_months", "due_on", "pk")
    )


# --- the content ----------------------------------------------------------------------------------------------


def _text(value) -> str:
    return "" if value is None else str(value)


def _number(value: Decimal | int | None) -> str:
    if value is None:
        return ""
    value = Decimal(value)
    return str(value.quantize(Decimal(1))) if value == value.to_integral() else str(value.normalize())


def _figure_row(figure: Figure, value: Decimal, previous: Decimal | None = None) -> dict:
    row = {
        "key": figure.key,
        "label": str(figure.label),
        "unit": str(figure.unit),
        "money": figure.money,
        "value": _number(value),
    }
    if previous is not None:
        row["previous"] = _number(previous)
        row["change"] = _number(value - previous)
    return row


def quarterly_content(
    *,
    user: User,
    report: QuarterlyReport,
    today: dt.date | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> dict:
    """The report's whole content from the records, in Thai (the document is Thai whatever the screen's language),
    for a user who may write the province. Progress is reported after each of its parts."""
    require_report_write(user, report.province_id)
    steps = (_summary, _groups, _targets, _stages, _welfare_and_care)
    period = report.period
    content = {
        "format": CONTENT_FORMAT,
        "province": {"code": report.province_id, "name": report.province.name_th},
        "year_kind": report.year_kind,
        "year_be": report.year_be,
        "quarter": report.quarter,
        "starts_on": period.starts_on.isoformat(),
        "ends_on": period.ends_on.isoformat(),
        "built_on": (today or timezone.localdate()).isoformat(),
        "summary": report.summary,
        "problems": report.problems,
        "requests": report.requests,
    }
    with translation.override("th"):
        content["period"] = period.label
        board = None
        for done, step in enumerate(steps, start=1):
            board = step(content, user=user, report=report, board=board)
            if progress:
                progress(done, len(steps))
    return content


def _summary(content: dict, *, user, report: QuarterlyReport, board):
    board = dashboard(
        user=user, code=report.province_id, quarter=report.period.starts_on, year_kind=report.year_kind
    )
    by_key = {
        key_figure.figure.key: key_figure for figures in board.key_figures.values() for key_figure in figures
    }
    content["key_figures"] = [
        _figure_row(by_key[key].figure, by_key[key].value, by_key[key].previous)
        for key in KEY_FIGURES
        if key in by_key
    ]
    # Short under the bars ("1/58"), as on the dashboards: eight full labels do not fit a page's width.
    labels = [f"{quarter.number}/{quarter.year_be % 100:02d}" for quarter in board.quarters]
    content["charts"] = [
        {
            "key": key,
            "title": str(FIGURES[key].label),
            "unit": str(FIGURES[key].unit),
            "labels": labels,
            "values": [_number(value) for value in board.counted[key].series()],
        }
        for key in CHART_FIGURES
    ]
    return board


def _groups(content: dict, *, user, report: QuarterlyReport, board):
    from sanphalang.meetings.access import visible_q
    from sanphalang.meetings.models import (
        ActionItem,
        ActionStatus,
        Body,
        Letter,
        LetterDirection,
        LetterStatus,
        Meeting,
        MeetingStatus,
        Resolution,
    )

    start, end = report.period.starts_on, report.period.ends_on
    bodies = list(
        Body.objects.filter(visible_q(user, "area_id"), area__pk__startswith=report.province_id)
        .prefetch_related("issue_areas")
        .order_by("sort_key", "pk")
    )
    groups: dict[str, dict] = {}
    body_groups: dict[int, list[str]] = {}
    for body in bodies:
        areas = sorted(body.issue_areas.all(), key=lambda area: area.name_th) or [None]
        for area in areas:
            key = str(area.pk) if area else GENERAL
            group = groups.setdefault(
                key,
                {"key": key, "name": area.name_th if area else "", "bodies": [], **_empty_lists()},
            )
            group["bodies"].append(body.name_th)
            body_groups.setdefault(body.pk, []).append(key)
    ids = list(body_groups)

    def spread(rows, row_of, body_id_of, name: str) -> None:
        for record in rows:
            for key in body_groups.get(body_id_of(record), ()):
                groups[key][name].append(row_of(record))

    meetings = (
        Meeting.objects.filter(body_id__in=ids, status=MeetingStatus.HELD, held_on__range=(start, end))
        .select_related("body")
        .order_by("held_on", "pk")
    )
    spread(
        meetings,
        lambda m: {
            "body": m.body.name_th,
            "number": f"ครั้งที่ {m.number}/{m.year_be}",
            "held_on": m.held_on.isoformat(),
            "title": m.title,
        },
        lambda m: m.body_id,
        "meetings",
    )
    resolutions = (
        Resolution.objects.filter(
            meeting__body_id__in=ids, meeting__status=MeetingStatus.HELD, meeting__held_on__range=(start, end)
        )
        .select_related("meeting")
        .order_by("meeting__held_on", "meeting_id", "number")
    )
    spread(
        resolutions,
        lambda r: {
            "meeting": f"ครั้งที่ {r.meeting.number}/{r.meeting.year_be}",
            "number": r.number,
            "text": r.text,
        },
        lambda r: r.meeting.body_id,
        "resolutions",
    )
    items = ActionItem.objects.filter(body_id__in=ids).exclude(status=ActionStatus.CANCELLED)
    # The owner is named by the organisation only: the report speaks of no person.
    items = items.select_related("owner_organisation").only(
        "title", "body_id", "due_on", "done_on", "status", "owner_organisation__name_th"
    )

    def action_row(item) -> dict:
        return {
            "title": item.title,
            "owner": item.owner_organisation.name_th if item.owner_organisation_id else "",
            "due_on": item.due_on.isoformat(),
            "done_on": item.done_on.isoformat() if item.done_on else "",
        }

    done = items.filter(status=ActionStatus.DONE, done_on__range=(start, end)).order_by("done_on", "pk")
    spread(done, action_row, lambda i: i.body_id, "actions_done")
    # As the dashboards' "overdue" figure counts them: due by the quarter's end and not done by then.
    overdue = items.filter(Q(done_on__isnull=True) | Q(done_on__gt=end), due_on__lte=end).order_by(
        "due_on", "pk"
    )
    spread(overdue, action_row, lambda i: i.body_id, "actions_overdue")

    letters = Letter.objects.filter(body_id__in=ids, direction=LetterDirection.OUTGOING).select_related(
        "counterpart"
    )
    replied = Letter.objects.filter(in_reply_to=OuterRef("pk"), dated_on__range=(start, end))
    replied_by_end = Letter.objects.filter(in_reply_to=OuterRef("pk"), dated_on__lte=end)

    def letter_row(letter) -> dict:
        return {
            "number": letter.number,
            "subject": letter.subject,
            "to": letter.counterpart.name_th,
            "dated_on": letter.dated_on.isoformat(),
            "answer_due_on": letter.answer_due_on.isoformat() if letter.answer_due_on else "",
        }

    answered = letters.filter(
        Exists(replied) | Q(status=LetterStatus.ANSWERED, dated_on__range=(start, end), replies__isnull=True)
    ).distinct()
    spread(answered.order_by("dated_on", "pk"), letter_row, lambda letter: letter.body_id, "letters_answered")
    waiting = letters.filter(
        ~Exists(replied_by_end),
        status__in=(LetterStatus.SENT, LetterStatus.AWAITING_ANSWER),
        dated_on__lte=end,
    )
    spread(waiting.order_by("dated_on", "pk"), letter_row, lambda letter: letter.body_id, "letters_waiting")

    for group in groups.values():
        # A standing list can hold years of arrears: the report lists the oldest few and counts the rest.
        for name in LISTED_AT_MOST:
            group[f"{name}_count"] = len(group[name])
            group[name] = group[name][: LISTED_AT_MOST[name]]
    notes = report.group_notes or {}
    ordered = sorted(groups.values(), key=lambda g: (g["key"] == GENERAL, g["name"]))
    for group in ordered:
        group.update({name: _text((notes.get(group["key"]) or {}).get(name)) for name in NOTE_FIELDS})
    content["groups"] = ordered
    return board


def _empty_lists() -> dict:
    return {
        name: []
        for name in (
            "meetings",
            "resolutions",
            "actions_done",
            "actions_overdue",
            "letters_answered",
            "letters_waiting",
        )
    }


def report_groups(*, user: User, report: QuarterlyReport) -> list[tuple[str, str]]:
    """The working groups a report's narrative is written for: (key, name), the general group last."""
    from sanphalang.meetings.access import visible_q
    from sanphalang.meetings.models import Body

    require_report_read(user, report.province_id)
    found: dict[str, str] = {}
    has_general = False
    bodies = Body.objects.filter(visible_q(user, "area_id"), area__pk__startswith=report.province_id)
    for body in bodies.prefetch_related("issue_areas"):
        areas = list(body.issue_areas.all())
        has_general = has_general or not areas
        for area in areas:
            found[str(area.pk)] = area.name_th
    groups = sorted(found.items(), key=lambda pair: pair[1])
    return groups + ([(GENERAL, "")] if has_general or not groups else [])


def _targets(content: dict, *, user, report: QuarterlyReport, board):
    from sanphalang.plans.selectors.progress import province_rollup

    rollups = province_rollup(
        user=user, province_code=report.province_id, year_be=report.year_be, today=report.period.ends_on
    )
    rows = []
    for rollup in rollups:
        indicator, whole = rollup.indicator, rollup.whole
        rows.append(
            {
                "plan": indicator.plan.title,
                "name": indicator.name,
                "unit": indicator.unit_label or indicator.get_unit_display(),
                "target": _number(whole.target),
                "value": _number(whole.value),
                "percent": "" if whole.percent_done is None else str(whole.percent_done),
                "standing": whole.standing,
                "standing_label": whole.standing_label,
            }
        )
    content["targets"] = rows
    return board


def _stages(content: dict, *, user, report: QuarterlyReport, board):
    from sanphalang.plans.access import province_read_q
    from sanphalang.plans.models import CharterStage, RegistrationStage, StageEvent

    start, end = report.period.starts_on, report.period.ends_on
    province = report.province_id
    events = (
        StageEvent.objects.filter(happened_on__range=(start, end))
        .filter(
            (Q(charter__area__pk__startswith=province) & province_read_q(user, "charter__area_id"))
            | (
                Q(registration__area__pk__startswith=province)
                & province_read_q(user, "registration__area_id")
            )
        )
        .select_related(
            "charter__area", "registration__area", "registration__organisation", "registration__fund"
        )
        .order_by("happened_on", "pk")
    )
    rows = []
    for event in events:
        record = event.charter or event.registration
        stages = CharterStage if event.charter_id else RegistrationStage
        rows.append(
            {
                "kind": "charter" if event.charter_id else "registration",
                "title": str(record),
                "area": record.area.name_th,
                "stage": str(stages(event.stage).label) if event.stage in stages.values else event.stage,
                "happened_on": event.happened_on.isoformat(),
            }
        )
    content["stages"] = rows
    return board


def _welfare_and_care(content: dict, *, user, report: QuarterlyReport, board):
    for name, keys in (("welfare", WELFARE_FIGURES), ("care", CARE_FIGURES)):
        rows = []
        for key in keys:
            if key == CASES_CLOSED.key:
                counted = count(
                    CASES_CLOSED,
                    user=user,
                    within=(report.province_id,),
                    child_length=2,
                    quarters=[report.period.starts_on],
                )
                rows.append(_figure_row(CASES_CLOSED, counted.total()))
            else:
                rows.append(_figure_row(FIGURES[key], board.counted[key].total(-1)))
        content[name] = rows
    return board
