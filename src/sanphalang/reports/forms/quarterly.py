"""The quarterly report's forms: a new report, its narrative, and issuing it (with the action item it closes)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from sanphalang.plans.periods import YearKind
from sanphalang.thai.dates import format_be_date
from sanphalang.thai.forms import BEDateField, ThaiIntegerField
from sanphalang.web.forms import StyledFormMixin

from ..selectors.quarterly import NOTE_FIELDS

NOTE_LABELS = {
    "work_done": _("Work done"),
    "problems": _("Problems"),
    "requests": _("Requests"),
}
QUARTERS = [(n, _("Quarter %(number)s") % {"number": n}) for n in (1, 2, 3, 4)]


class QuarterlyReportCreateForm(StyledFormMixin, forms.Form):
    province = forms.ChoiceField(label=_("Province"))
    year_kind = forms.ChoiceField(label=_("Kind of year"), choices=YearKind.choices, initial=YearKind.FISCAL)
    year_be = ThaiIntegerField(label=_("Year (BE)"), min_value=2500, max_value=2700)
    quarter = forms.TypedChoiceField(label=_("Quarter"), choices=QUARTERS, coerce=int)

    def __init__(self, *args, provinces: list[tuple[str, str]], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["province"].choices = provinces


class QuarterlyNarrativeForm(StyledFormMixin, forms.Form):
    """The parts the coordinator writes; one trio of fields per working group of the province."""

    summary = forms.CharField(
        label=_("Summary"), widget=forms.Textarea(attrs={"rows": 5}), required=False, max_length=20000
    )

    def __init__(self, *args, groups: list[tuple[str, str]], general_name: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.groups = []
        for key, name in groups:
            names = []
            for part in NOTE_FIELDS:
                field_name = f"group_{key}_{part}"
                self.fields[field_name] = forms.CharField(
                    label=f"{name or general_name}: {NOTE_LABELS[part]}",
                    widget=forms.Textarea(attrs={"rows": 3}),
                    required=False,
                    max_length=20000,
                )
                names.append(field_name)
            self.groups.append((key, name or general_name, names))
        for name, label in (("problems", _("Problems")), ("requests", _("Requests"))):
            self.fields[name] = forms.CharField(
                label=label, widget=forms.Textarea(attrs={"rows": 4}), required=False, max_length=20000
            )

    @staticmethod
    def initial_of(report) -> dict:
        initial = {"summary": report.summary, "problems": report.problems, "requests": report.requests}
        for key, parts in (report.group_notes or {}).items():
            for part in NOTE_FIELDS:
                initial[f"group_{key}_{part}"] = parts.get(part, "")
        return initial

    def notes(self) -> dict:
        return {
            key: {part: self.cleaned_data.get(f"group_{key}_{part}", "") for part in NOTE_FIELDS}
            for key, _name, _fields in self.groups
        }


class QuarterlyIssueForm(StyledFormMixin, forms.Form):
    action_item = forms.TypedChoiceField(
        label=_("Close this action item with the report"),
        required=False,
        coerce=int,
        empty_value=None,
        help_text=_("A repeating item makes its next occurrence when it is closed"),
    )
    done_on = BEDateField(label=_("Done on"), required=False)

    def __init__(self, *args, items, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["action_item"].choices = [("", _("None"))] + [
            (item.pk, f"{item.title} ({item.body.name_th}, {format_be_date(item.due_on, style='short')})")
            for item in items
        ]
        repeating = next((item for item in items if item.recurrence_months), None)
        if repeating is not None:
            self.initial.setdefault("action_item", repeating.pk)
