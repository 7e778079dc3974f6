"""What each linkage reason means, in the user's language: a link's score is only trusted if its reasons read.

A reason is stored as its code and values (["members_close", 335, 345]) and worded when read, so it reads in the
reader's language whoever linked the record; a value that is a day (ISO, as stored) is read in the Buddhist Era.
"""

import datetime as dt
import re

from django.utils.translation import gettext_lazy as _

from sanphalang.thai.templatetags.thai import be_date

# An officer's decision in the review queue, stored with the day it was made.
OFFICER_CONFIRMED = "officer_confirmed"
OFFICER_MERGED = "officer_merged"
OFFICER_SPLIT = "officer_split"
ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")

REASON_LABELS = {
    "name_same": _("same name"),
    "name_similar": _("similar name (%(0)s)"),
    "name_different": _("different name (%(0)s)"),
    "same_subdistrict": _("same subdistrict %(0)s"),
    "different_subdistrict": _("different subdistricts %(0)s / %(1)s"),
    "tambon_fund_of_subdistrict": _("the subdistrict's own fund"),
    "same_district": _("same district %(0)s"),
    "different_district": _("different districts %(0)s / %(1)s"),
    "different_province": _("different provinces %(0)s / %(1)s"),
    "municipality_vs_tambon": _("a municipality fund and a subdistrict fund"),
    "village_vs_tambon": _("a village fund and a subdistrict fund"),
    "same_village_number": _("same village no. %(0)s"),
    "different_village_number": _("different village nos. %(0)s / %(1)s"),
    "same_fund_code": _("same fund code %(0)s"),
    "different_fund_code": _("different fund codes %(0)s / %(1)s"),
    "members_equal": _("same member count (%(0)s)"),
    "members_close": _("member counts close (%(0)s, %(1)s)"),
    "members_far": _("member counts far apart (%(0)s, %(1)s)"),
    "same_founded": _("same founding date %(0)s"),
    "founded_apart": _("founded years apart (%(0)s, %(1)s)"),
    "different_villages": _("different villages of one subdistrict"),
    "one_of_several_subdistricts": _("the subdistrict name is shared by several subdistricts (%(0)s)"),
    "officer": _("decided by an officer"),
    OFFICER_CONFIRMED: _("link confirmed by an officer on %(0)s"),
    OFFICER_MERGED: _("merged into this fund by an officer on %(0)s"),
    OFFICER_SPLIT: _("split into a fund of its own by an officer on %(0)s"),
}


def reason_label(reason) -> str:
    """["members_close", 335, 345] → "member counts close (335, 345)"; an unknown code is shown as it is."""
    if not reason:
        return ""
    code, *params = list(reason)
    params = [_value(p) for p in params]
    label = REASON_LABELS.get(code)
    if label is None:
        # Written before reasons were codes (an officer's decision in the words of whoever made it): as it is.
        return " ".join(str(part) for part in [code, *params])
    values = {str(i): p for i, p in enumerate(params)}
    try:
        return str(label) % values
    except (KeyError, TypeError, ValueError):
        return str(label)


def _value(value):
    if isinstance(value, float):
        return f"{value:.2f}"
    if isinstance(value, str) and ISO_DAY.fullmatch(value):
        try:
            return be_date(dt.date.fromisoformat(value))
        except ValueError:
            return value
    return value
