"""The care pages' own navigation: the parts of care the reader's role may open, on every page of the app."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .access import is_partner_agency, sees_people


def care_sections(request):
    match = getattr(request, "resolver_match", None)
    user = getattr(request, "user", None)
    if not match or match.namespace != "care" or not (user and user.is_authenticated):
        return {}
    people = sees_people(user)
    sections = [
        ("household_search" if people else "household_counts", _("Households")),
        ("caseload", _("Caseload")),
    ]
    if people:
        sections.append(("case_list", _("Cases")))
    if is_partner_agency(user):
        sections.append(("referral_inbox", _("Referrals to your agency")))
    sections += [
        ("fund_list", _("Social development funds")),
        ("risk_area_list", _("Disaster-risk areas")),
        ("status_case_list" if people else "status_stuck", _("Legal status cases")),
        ("housing_list", _("Housing works")),
    ]
    current = match.url_name
    return {
        "care_sections": [
            (reverse(f"care:{name}"), label, current.split("_")[0] == name.split("_")[0])
            for name, label in sections
        ]
    }
