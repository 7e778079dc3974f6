"""The daily reminder: roll recurring items over, then give each user one digest of what is overdue or due soon,
in the app and by e-mail. Running it twice on a day sends nothing twice."""

import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from sanphalang.directory.selectors import person_shown_to
from sanphalang.thai.dates import format_be_date

from .models import Notification
from .selectors.action_items import action_item_list, action_items_due_from
from .services.action_items import action_items_roll_over

DUE_SOON_DAYS = 14


@dataclass
class ReminderSummary:
    rolled_over: int = 0
    notified: int = 0
    emailed: int = 0
    already_sent: int = 0


def _digest_items(user, today: dt.date) -> tuple[list, list]:
    """(overdue in the user's areas, due soon from the user's organisation)."""
    overdue = list(action_item_list(user=user, overdue=True, today=today)[:50]) if user.can_write else []
    soon = [
        item
        for item in action_items_due_from(user=user, today=today)[:50]
        if item.due_on <= today + dt.timedelta(days=DUE_SOON_DAYS) and item not in overdue
    ]
    return overdue, soon


def _owner(user, item) -> str:
    """Who owes the item, as the reader may be told (the owner person through the directory's one rule)."""
    person = person_shown_to(user=user, person=item.owner_person)
    names = [str(name) for name in (item.owner_organisation, person) if name]
    return ", ".join(names) or _("no owner named")


def _digest_line(user, item) -> str:
    return _("- %(title)s (%(owner)s; due %(date)s)") % {
        "title": item.title,
        "owner": _owner(user, item),
        "date": format_be_date(item.due_on),
    }


def _digest_text(user, overdue, soon) -> str:
    lines = []
    if overdue:
        lines.append(_("Overdue action items:"))
        lines += [_digest_line(user, item) for item in overdue]
    if soon:
        lines.append(_("Due from you soon:"))
        lines += [_digest_line(user, item) for item in soon]
    return "\n".join(lines)


def send_reminders(*, today: dt.date) -> ReminderSummary:
    summary = ReminderSummary(rolled_over=len(action_items_roll_over(today=today)))
    link = reverse("meetings:action_item_list")
    for user in get_user_model().objects.filter(is_active=True).select_related("organisation"):
        with translation.override(user.written_to_in):
            overdue, soon = _digest_items(user, today)
            if not overdue and not soon:
                continue
            message = _("%(overdue)s overdue and %(soon)s due soon") % {
                "overdue": len(overdue),
                "soon": len(soon),
            }
            try:
                with transaction.atomic():
                    Notification.objects.create(
                        user=user, key=f"digest:{today.isoformat()}", message=message, link=link
                    )
            except IntegrityError:
                summary.already_sent += 1
                continue
            summary.notified += 1
            if user.email:
                send_mail(
                    subject=_("Sanphalang: action items to follow up (%(date)s)")
                    % {"date": format_be_date(today)},
                    message=_digest_text(user, overdue, soon),
                    from_email=settings.DEFAULT_FROM_EMAIL,
                    recipient_list=[user.email],
                    fail_silently=False,
                )
                summary.emailed += 1
    return summary
