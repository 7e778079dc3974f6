"""Bodies that meet (councils, committees, working groups), their meetings, resolutions, action items and letters;
one module per topic, all of them Django's models of the meetings app."""

from .action_items import OPEN_STATUSES, ActionItem, ActionItemProgress, ActionStatus
from .attachments import Attachment
from .bodies import Body, BodyKind, Membership
from .letters import Letter, LetterDirection, LetterStatus
from .meetings import (
    AgendaItem,
    Attendance,
    Invitation,
    InvitationResponse,
    Meeting,
    MeetingStatus,
    Resolution,
)
from .notifications import Notification

__all__ = [
    "BodyKind",
    "Body",
    "Membership",
    "MeetingStatus",
    "Meeting",
    "AgendaItem",
    "InvitationResponse",
    "Invitation",
    "Attendance",
    "Resolution",
    "ActionStatus",
    "OPEN_STATUSES",
    "ActionItem",
    "ActionItemProgress",
    "LetterDirection",
    "LetterStatus",
    "Letter",
    "Attachment",
    "Notification",
]
