"""Forms of the audit pages: they read and check input; welfare/services/audits.py decides and writes."""

from django import forms
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from sanphalang.areas.models import AreaLevel
from sanphalang.directory.forms import PersonMultipleChoiceField
from sanphalang.directory.selectors import person_shown_to
from sanphalang.thai.forms import BEDateField
from sanphalang.web.forms import StyledFormMixin
from sanphalang.web.pickers import PickerFieldMixin

from ..errors import WelfareError
from ..linkage.records import FIELD_LABELS
from ..models import SETTLE_FIELDS
from ..selectors.audits import plannable_funds, province_choices, team_candidates
from ..services.audits import DEFAULT_CHECKLIST

ANSWER_CHOICES = [("yes", _("Yes")), ("no", _("No")), ("partly", _("Partly")), ("n/a", _("Not applicable"))]


class AuditRoundEditForm(StyledFormMixin, forms.Form):
    """A round's name, period and checklist; with audit_round, the form starts from what the round has."""

    name = forms.CharField(label=_("Name"), max_length=200)
    starts_on = BEDateField(label=_("From"))
    ends_on = BEDateField(label=_("Until"))
    checklist = forms.CharField(
        label=_("Checklist"),
        help_text=_("One question per line."),
        widget=forms.Textarea(attrs={"rows": 8}),
        initial="\n".join(DEFAULT_CHECKLIST),
    )

    def __init__(self, *args, audit_round=None, **kwargs):
        if audit_round is not None:
            kwargs.setdefault(
                "initial",
                {
                    "name": audit_round.name,
                    "starts_on": audit_round.starts_on,
                    "ends_on": audit_round.ends_on,
                    "checklist": "\n".join(audit_round.checklist),
                },
            )
        super().__init__(*args, **kwargs)
        if audit_round is not None:
            self.fields["checklist"].help_text = _(
                "One question per line. Questions can be added; a question that visits have answered stays as it is."
            )

    def clean_checklist(self) -> list[str]:
        return [line.strip() for line in self.cleaned_data["checklist"].splitlines() if line.strip()]

    def clean(self):
        data = super().clean()
        if data.get("starts_on") and data.get("ends_on") and data["ends_on"] < data["starts_on"]:
            self.add_error("ends_on", WelfareError.ROUND_ENDS_BEFORE_START.message())
        return data


class AuditRoundForm(AuditRoundEditForm):
    province = forms.ChoiceField(label=_("Province"))
    field_order = ["name", "province", "starts_on", "ends_on", "checklist"]

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["province"].choices = province_choices(user=user)


class VisitEditForm(StyledFormMixin, forms.Form):
    """When a visit is planned and who goes: people of the user's areas (and those already on the visit's team)."""

    planned_on = BEDateField(label=_("Planned on"), required=False)
    team = PersonMultipleChoiceField(
        label=_("Team"),
        queryset=None,
        required=False,
        error_messages={"invalid_choice": WelfareError.TEAM_OUTSIDE_AREAS.lazy_message},
    )

    def __init__(self, *args, user, visit=None, **kwargs):
        if visit is not None:
            kwargs.setdefault("initial", {"planned_on": visit.planned_on, "team": list(visit.team.all())})
        super().__init__(*args, **kwargs)
        self.fields["team"].queryset = team_candidates(user=user, visit=visit)
        # One already on the team may be of an area the user cannot open: named as everywhere else.
        self.fields["team"].label_from_instance = lambda person: (
            person_shown_to(user=user, person=person).name
        )


def fund_label(fund) -> str:
    """A fund as a picker names it: with its subdistrict and district, since many funds share a tambon's name."""
    area = fund.area
    where = [area.display_name] + (
        [area.parent.display_name] if area.parent_id and area.level == AreaLevel.SUBDISTRICT else []
    )
    return f"{fund.name_th} ({', '.join(where)})"


class FundMultipleChoiceField(PickerFieldMixin, forms.ModelMultipleChoiceField):
    """Funds found by typing (views.audits.PlannableFundSearch, one round's endpoint)."""

    def label_from_instance(self, obj):
        return fund_label(obj)


class VisitPlanForm(VisitEditForm):
    funds = FundMultipleChoiceField(label=_("Funds"), queryset=None, search_url="")
    field_order = ["funds", "planned_on", "team"]

    def __init__(self, *args, user, audit_round, **kwargs):
        super().__init__(*args, user=user, **kwargs)
        self.fields["funds"].queryset = plannable_funds(user=user, audit_round=audit_round)
        self.fields["funds"].widget.url = reverse("welfare:audit_fund_options", args=[audit_round.pk])


class VisitRecordForm(StyledFormMixin, forms.Form):
    """The visit date and one yes / no / partly / n.a. answer per question of the round's checklist."""

    visited_on = BEDateField(label=_("Visited on"))

    def __init__(self, *args, checklist: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = list(checklist)
        for index, question in enumerate(self.questions):
            self.fields[f"q{index}"] = forms.ChoiceField(
                label=question,
                choices=ANSWER_CHOICES,
                required=False,
                widget=forms.RadioSelect(attrs={"class": "form-check-input"}),
            )

    def answer_fields(self):
        return [self[f"q{index}"] for index in range(len(self.questions))]

    def answers(self) -> dict[str, str]:
        return {
            question: self.cleaned_data[f"q{index}"]
            for index, question in enumerate(self.questions)
            if self.cleaned_data.get(f"q{index}")
        }


class FindingForm(StyledFormMixin, forms.Form):
    text = forms.CharField(label=_("Finding"), widget=forms.Textarea(attrs={"rows": 2}))
    follow_up = forms.CharField(
        label=_("Follow-up"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    due_on = BEDateField(label=_("Follow up by"), required=False)
    proposed_field = forms.ChoiceField(
        label=_("Registry correction: field"),
        required=False,
        choices=[("", _("(no correction)"))] + [(name, FIELD_LABELS[name]) for name in SETTLE_FIELDS],
    )
    proposed_value = forms.CharField(
        label=_("Registry correction: new value"), required=False, max_length=300
    )


class FindingCloseForm(StyledFormMixin, forms.Form):
    closed_on = BEDateField(label=_("Closed on"), required=False)
    follow_up = forms.CharField(label=_("What was done"), required=False)


class FindingSettleForm(StyledFormMixin, forms.Form):
    reason = forms.CharField(label=_("Reason"), required=False, max_length=1000)
