"""A body's meetings as an iCalendar feed that calendar apps subscribe to."""

import datetime as dt
from collections.abc import Iterable
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from sanphalang.directory.models import PositionRole
from sanphalang.directory.selectors import person_shown_to
from sanphalang.thai.digits import to_arabic_digits, to_thai_digits

from ..models import Body, Meeting, MeetingStatus
from .content import meeting_number

PRODUCT_ID = "-//Sanphalang//Meetings//TH"
# A meeting with a start time but no end time is shown as a half-day meeting, the usual length of a council
# meeting, rather than as a zero-length event that calendar apps barely show.
DEFAULT_LENGTH = dt.timedelta(hours=3)


def meeting_uid(meeting: Meeting) -> str:
    """Stable for the life of the meeting, so a changed date moves the event instead of adding another."""
    return f"meeting-{meeting.pk}@sanphalang"


def meeting_summary(meeting: Meeting, *, thai_digits: bool) -> str:
    """ "ครั้งที่ 3/2558 สภาพลเมืองจังหวัดเชียงราย", with the meeting's own title when it has one."""
    parts = [meeting_number(meeting, thai_digits=thai_digits), meeting.body.name_th]
    if meeting.title:
        parts.append(meeting.title)
    text = " ".join(parts)
    return to_thai_digits(text) if thai_digits else to_arabic_digits(text)


def _when(meeting: Meeting) -> tuple[dt.date | dt.datetime, dt.date | dt.datetime]:
    if meeting.starts_at is None:
        # All day: DTEND is the day after, exclusive (RFC 5545 3.6.1).
        return meeting.held_on, meeting.held_on + dt.timedelta(days=1)
    zone = ZoneInfo(settings.TIME_ZONE)
    start = dt.datetime.combine(meeting.held_on, meeting.starts_at, tzinfo=zone)
    end = dt.datetime.combine(meeting.held_on, meeting.ends_at, tzinfo=zone) if meeting.ends_at else None
    return start, end or start + DEFAULT_LENGTH


def body_calendar(body: Body, meetings: Iterable[Meeting], *, user, thai_digits: bool = False) -> bytes:
    """The feed of the user who subscribed, naming each chair as they may see them."""
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", body.name_th)
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    stamp = timezone.now().replace(microsecond=0)
    for meeting in meetings:
        start, end = _when(meeting)
        event = Event()
        event.add("uid", meeting_uid(meeting))
        event.add("dtstamp", stamp)
        event.add("dtstart", start)
        event.add("dtend", end)
        event.add("summary", meeting_summary(meeting, thai_digits=thai_digits))
        if meeting.venue:
            event.add("location", meeting.venue)
        if meeting.chair_id:
            chair = person_shown_to(user=user, person=meeting.chair, role=PositionRole.CHAIR)
            event.add(
                "description", _("Chair: %(chair)s") % {"chair": f"{chair} {meeting.chair_title}".strip()}
            )
        event.add("status", "CANCELLED" if meeting.status == MeetingStatus.CANCELLED else "CONFIRMED")
        calendar.add_component(event)
    calendar.add_missing_timezones()
    return calendar.to_ical()
