"""What each linkage reason means, in the user's language: a link's score is only trusted if its reasons read."""

from django.utils.translation import gettext_lazy as _

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
}


def reason_label(reason) -> str:
    """["members_close", 335, 345] → "member counts close (335, 345)"; an unknown code is shown as it is."""
    if not reason:
        return ""
    code, *params = list(reason)
    label = REASON_LABELS.get(code)
    if label is None:
        return " ".join(str(part) for part in reason)
    values = {str(i): (f"{p:.2f}" if isinstance(p, float) else p) for i, p in enumerate(params)}
    try:
        return str(label) % values
    except (KeyError, TypeError, ValueError):
        return str(label)
