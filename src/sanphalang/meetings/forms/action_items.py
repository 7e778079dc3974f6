"""Forms of action items: adding one to a resolution, correcting it, its status, and the list's filters."""

from django import forms
from django.utils.translation import gettext_lazy as _

from sanphalang.directory.forms import OrganisationChoiceField, PersonChoiceField
from sanphalang.thai.forms import BEDateField, ThaiIntegerField
from sanphalang.web.forms import StyledFormMixin

from ..models import ActionStatus
from ..recurrence import MAX_RECURRENCE_MONTHS
from .choices import bodies, organisations, people

RECURRENCE_RULE = _(
    "A repeating item creates the next one when it is done or falls due; "
    "with no end date it repeats until cancelled."
)


def _outcome_field():
    return forms.CharField(label=_("Outcome"), required=False, widget=forms.Textarea(attrs={"rows": 3}))


class ActionItemForm(StyledFormMixin, forms.Form):
    title = forms.CharField(label=_("What is to be done"), max_length=300)
    owner_organisation = OrganisationChoiceField(label=_("Owner organisation"), required=False, queryset=None)
    owner_person = PersonChoiceField(label=_("Owner person"), required=False, queryset=None)
    due_on = BEDateField(label=_("Due on"))
    recurrence_months = ThaiIntegerField(
        label=_("Repeats every (months)"),
        required=False,
        min_value=1,
        max_value=MAX_RECURRENCE_MONTHS,
        help_text=_("E.g. 3 for a report every quarter; empty if it does not repeat"),
    )
    recurrence_until = BEDateField(
        label=_("Repeats until"), required=False, help_text=_("Empty: repeats until the series is cancelled")
    )
    description = forms.CharField(
        label=_("Details"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner_organisation"].queryset = organisations(user)
        self.fields["owner_person"].queryset = people(user)


class ActionItemEditForm(ActionItemForm):
    """Correcting an action item: the fields of the item, and its outcome. Its status has its own form, and a
    series keeps the repeat it was created with."""

    outcome = _outcome_field()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        del self.fields["recurrence_months"], self.fields["recurrence_until"]


class ActionFilterForm(StyledFormMixin, forms.Form):
    STATES = [
        ("open", _("Open")),
        ("overdue", _("Overdue")),
        ("done", _("Done")),
        ("cancelled", _("Cancelled")),
        ("all", _("All")),
    ]
    state = forms.ChoiceField(label=_("Status"), required=False, choices=STATES)
    owner = OrganisationChoiceField(
        label=_("Owner organisation"), required=False, queryset=None, empty_label=_("All owners")
    )
    body = forms.ModelChoiceField(label=_("Body"), required=False, queryset=None, empty_label=_("All bodies"))
    ours = forms.BooleanField(label=_("Only my organisation's items"), required=False)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = organisations(user)
        self.fields["body"].queryset = bodies(user)
        if not user.organisation_id:
            del self.fields["ours"]


class ActionStatusForm(StyledFormMixin, forms.Form):
    """A report on an item: its status, the date it was done, its outcome and a progress note. Only a coordinator
    of the item's body may cancel it (may_cancel)."""

    status = forms.ChoiceField(label=_("Status"), choices=ActionStatus.choices)
    done_on = BEDateField(
        label=_("Done on"),
        required=False,
        help_text=_("Left empty when done: the due date if it has passed, otherwise today"),
    )
    outcome = _outcome_field()
    note = forms.CharField(
        label=_("Progress note"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("What was done since the last report; it is kept with your name and organisation"),
    )

    def __init__(self, *args, may_cancel: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        if not may_cancel:
            self.fields["status"].choices = [
                choice for choice in ActionStatus.choices if choice[0] != ActionStatus.CANCELLED
            ]
