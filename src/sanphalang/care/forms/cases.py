"""Forms of cases: opening one, its needs assessment on the form of its kind, help given, referrals and their
answers, follow-ups, the case plan and closing; BE dates, Thai digits, pickers of the user's organisations."""

from django import forms
from django.utils.translation import gettext_lazy as _

from sanphalang.directory.forms import OrganisationChoiceField
from sanphalang.directory.selectors import organisation_list
from sanphalang.thai.forms import BEDateField, ThaiDecimalField, ThaiIntegerField
from sanphalang.web.forms import StyledFormMixin

from ..assessments import AnswerKind, AssessmentTemplate
from ..models import CaseKind, CaseOutcome, CaseStatus, HelpKind, ServiceOutcome
from ..models.cases import TEXT_MAX_LENGTH
from ..services.cases import REPEAT_DAYS_MAX, ReferralAnswer


def _text(label, *, required=True, rows=3, max_length=TEXT_MAX_LENGTH, **kwargs) -> forms.CharField:
    return forms.CharField(
        label=label,
        required=required,
        max_length=max_length,
        widget=forms.Textarea(attrs={"rows": rows}),
        **kwargs,
    )


def _blank(choices) -> list:
    return [("", "—"), *choices]


class CaseFilterForm(StyledFormMixin, forms.Form):
    status = forms.ChoiceField(label=_("Status"), required=False, choices=_blank(CaseStatus.choices))
    kind = forms.ChoiceField(label=_("Kind of hardship"), required=False, choices=_blank(CaseKind.choices))
    area = forms.CharField(
        label=_("Area code"),
        required=False,
        max_length=10,
        help_text=_("Cases of this province, district, subdistrict or village and below"),
    )
    due = forms.ChoiceField(
        label=_("Follow-up"),
        required=False,
        choices=_blank([("overdue", _("Overdue")), ("week", _("Due within a week"))]),
    )
    mine = forms.BooleanField(label=_("Only the cases I carry"), required=False)


class CaseloadFilterForm(StyledFormMixin, forms.Form):
    area = CaseFilterForm.base_fields["area"]
    mine = forms.BooleanField(label=_("Only the cases I carry"), required=False)


class CaseOpenForm(StyledFormMixin, forms.Form):
    member = forms.ChoiceField(
        label=_("Person"), required=False, help_text=_("Where the case is about one member of the household")
    )
    kind = forms.ChoiceField(label=_("Kind of hardship"), choices=CaseKind.choices)
    summary = _text(_("What the household needs"), rows=4)
    opened_on = BEDateField(label=_("Opened on"))
    worker = forms.ChoiceField(label=_("Case worker"), required=False)
    first_follow_up_on = BEDateField(label=_("First follow-up on"), required=False)

    def __init__(self, *args, members, workers, **kwargs):
        """members: (member, name as shown) of the household; workers: the coordinators who may carry it."""
        super().__init__(*args, **kwargs)
        self._members = {str(member.pk): member for member, _name in members}
        self._workers = {str(worker.pk): worker for worker in workers}
        self.fields["member"].choices = _blank([(str(member.pk), name) for member, name in members])
        self.fields["worker"].choices = _blank(
            [(str(worker.pk), worker.get_full_name() or worker.username) for worker in workers]
        )

    def clean_member(self):
        return self._members.get(self.cleaned_data.get("member") or "")

    def clean_worker(self):
        return self._workers.get(self.cleaned_data.get("worker") or "")


class AssessmentForm(StyledFormMixin, forms.Form):
    """The questions of the case's assessment form, one field each (q_<key>); the service checks the answers."""

    assessed_on = BEDateField(label=_("Assessed on"))

    def __init__(self, *args, template: AssessmentTemplate, **kwargs):
        super().__init__(*args, **kwargs)
        self.template = template
        for question in template.questions:
            self.fields[f"q_{question.key}"] = self._field(question)
        self.fields["needs"] = _text(_("Needs found"), required=False)
        self.order_fields(["assessed_on"])

    @staticmethod
    def _field(question) -> forms.Field:
        common = {"label": question.label, "required": question.required}
        if question.kind == AnswerKind.YES_NO:
            return forms.ChoiceField(choices=_blank([("yes", _("Yes")), ("no", _("No"))]), **common)
        if question.kind == AnswerKind.CHOICE:
            return forms.ChoiceField(choices=_blank(question.choices), **common)
        if question.kind == AnswerKind.NUMBER:
            return ThaiDecimalField(min_value=0, decimal_places=2, max_digits=14, **common)
        return _text(max_length=1000, rows=2, **common)

    def clean(self):
        cleaned = super().clean()
        answers = {}
        for question in self.template.questions:
            value = cleaned.pop(f"q_{question.key}", None)
            if value not in (None, ""):
                answers[question.key] = value
        cleaned["answers"] = answers
        return cleaned


class HelpForm(StyledFormMixin, forms.Form):
    kind = forms.ChoiceField(label=_("Kind of help"), choices=HelpKind.choices)
    description = _text(_("What was given"))
    amount = ThaiDecimalField(
        label=_("Value (baht)"), required=False, min_value=0, max_digits=14, decimal_places=2
    )
    given_on = BEDateField(label=_("Given on"))
    given_by_organisation = OrganisationChoiceField(label=_("Given by"), required=False, queryset=None)
    given_by_name = forms.CharField(
        label=_("Given by (name)"),
        required=False,
        max_length=200,
        help_text=_("A person or a donor not in the directory"),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["given_by_organisation"].queryset = organisation_list(user=user)


class ReferralForm(StyledFormMixin, forms.Form):
    agency = OrganisationChoiceField(label=_("Agency"), queryset=None)
    reason = _text(_("What is asked of the agency"))
    sent_on = BEDateField(label=_("Sent on"), required=False)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = organisation_list(user=user)


class ReferralAnswerForm(StyledFormMixin, forms.Form):
    decision = forms.ChoiceField(label=_("Answer"), choices=ReferralAnswer.choices)
    answer = _text(
        _("The agency's answer"), required=False, help_text=_("Needed when the referral is declined")
    )
    outcome = forms.ChoiceField(
        label=_("Outcome"),
        required=False,
        choices=_blank(ServiceOutcome.choices),
        help_text=_("When the service is done"),
    )
    on = BEDateField(label=_("On"), required=False)


class FollowUpForm(StyledFormMixin, forms.Form):
    due_on = BEDateField(label=_("Due on"))
    repeat_days = ThaiIntegerField(
        label=_("Repeat every (days)"),
        required=False,
        min_value=1,
        max_value=REPEAT_DAYS_MAX,
        help_text=_("When it is done, the next follow-up is scheduled this many days later"),
    )


class FollowUpDoneForm(StyledFormMixin, forms.Form):
    done_on = BEDateField(label=_("Done on"), required=False)
    note = _text(_("What was found"), required=False)


class CasePlanForm(StyledFormMixin, forms.Form):
    plan = _text(_("Case plan"), rows=8)


class DecisionForm(StyledFormMixin, forms.Form):
    """Approving or returning a case plan, approving or refusing a closure: one button each."""

    approve = forms.TypedChoiceField(
        label=_("Decision"),
        choices=[("yes", _("Approve")), ("no", _("Return"))],
        coerce=lambda value: value == "yes",
    )
    reason = forms.CharField(label=_("Why it goes back"), required=False, max_length=300)


class CloseRequestForm(StyledFormMixin, forms.Form):
    outcome = forms.ChoiceField(label=_("Outcome"), choices=CaseOutcome.choices)
    note = _text(_("About the outcome"), required=False)
