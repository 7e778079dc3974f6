"""Forms of the social fund (S5): typed input (BE dates, Thai digits, "1,234.50") into values for its services."""

from django import forms
from django.utils.translation import gettext_lazy as _

from sanphalang.areas.models import Area, AreaLevel
from sanphalang.areas.scoping import can_write_area
from sanphalang.directory.forms import OrganisationChoiceField
from sanphalang.directory.selectors import organisation_list
from sanphalang.thai.forms import BEDateField, ThaiDecimalField, ThaiIntegerField
from sanphalang.web.forms import StyledFormMixin

from ..errors import CareError
from ..models.fund import MONEY
from ..selectors.fund import committee_candidates, fund_list


class MoneyField(ThaiDecimalField):
    """Baht and satang above zero: Thai digits and thousands separators accepted, never more than two decimals."""

    def __init__(self, **kwargs):
        kwargs.setdefault("label", _("Amount (baht)"))
        super().__init__(max_digits=MONEY["max_digits"], decimal_places=MONEY["decimal_places"], **kwargs)
        self.error_messages["max_decimal_places"] = CareError.AMOUNT_TOO_PRECISE.lazy_message
        self.error_messages["max_digits"] = CareError.AMOUNT_TOO_LARGE.lazy_message
        self.error_messages["max_whole_digits"] = CareError.AMOUNT_TOO_LARGE.lazy_message

    def clean(self, value):
        amount = super().clean(value)
        if amount is not None and amount <= 0:
            raise forms.ValidationError(CareError.AMOUNT_NOT_POSITIVE.message(), code="amount_not_positive")
        return amount


def _organisations(user):
    return organisation_list(user=user).prefetch_related(None).select_related("area").order_by("sort_key")


class CommitteeField(forms.ModelMultipleChoiceField):
    widget = forms.CheckboxSelectMultiple

    def label_from_instance(self, user):
        return user.get_full_name() or user.username


class FundForm(StyledFormMixin, forms.Form):
    area_code = forms.ChoiceField(label=_("Province"))
    name = forms.CharField(label=_("Name of the fund"), max_length=200)
    organisation = OrganisationChoiceField(label=_("Run by"), required=False, queryset=None)
    committee = CommitteeField(
        label=_("Committee"),
        queryset=None,
        help_text=_("Users who work in the province: one more than the approvals a payment needs"),
    )
    approvals_required = ThaiIntegerField(label=_("Approvals needed for a payment"), min_value=2, initial=2)

    def __init__(self, *args, user, instance=None, **kwargs):
        if instance is not None:
            kwargs.setdefault(
                "initial",
                {
                    "name": instance.name,
                    "organisation": instance.organisation_id,
                    "committee": [member.pk for member in instance.committee.all()],
                    "approvals_required": instance.approvals_required,
                },
            )
        super().__init__(*args, **kwargs)
        if instance is not None:
            del self.fields["area_code"]
            provinces = [instance.area_id]
        else:
            choices = [
                (area.code, area.display_name)
                for area in Area.objects.filter(level=AreaLevel.PROVINCE).order_by("sort_key")
                if can_write_area(user, area.code)
            ]
            self.fields["area_code"].choices = choices
            provinces = [code for code, _label in choices]
        self.fields["organisation"].queryset = _organisations(user)
        self.fields["committee"].queryset = committee_candidates(user=user, province_codes=provinces)


class MoneyInForm(StyledFormMixin, forms.Form):
    amount = MoneyField()
    entered_on = BEDateField(label=_("Date received"))
    donor_name = forms.CharField(
        label=_("Donor"), max_length=200, required=False, help_text=_("A person's or group's name")
    )
    donor_organisation = OrganisationChoiceField(label=_("Donor organisation"), required=False, queryset=None)
    note = forms.CharField(label=_("Note"), max_length=300, required=False)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["donor_organisation"].queryset = _organisations(user)


class RequestForm(StyledFormMixin, forms.Form):
    fund = forms.ModelChoiceField(label=_("Fund"), queryset=None)
    amount = MoneyField()
    purpose = forms.CharField(
        label=_("What the money is for"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, user, case, **kwargs):
        super().__init__(*args, **kwargs)
        funds = fund_list(user=user).filter(area_id=case.area_id[:2])
        self.fields["fund"].queryset = funds
        if len(funds) == 1:
            self.fields["fund"].initial = funds[0].pk


class DecisionForm(StyledFormMixin, forms.Form):
    approves = forms.TypedChoiceField(
        label=_("Decision"),
        choices=[("yes", _("Approve")), ("no", _("Refuse"))],
        coerce=lambda value: value == "yes",
    )
    note = forms.CharField(label=_("Note"), max_length=300, required=False)


class ReversalForm(StyledFormMixin, forms.Form):
    reason = forms.CharField(label=_("Why the entry is reversed"), max_length=300)


class PeriodForm(StyledFormMixin, forms.Form):
    """The dates a ledger or a report covers (from the address: dates only, nothing personal)."""

    starts_on = BEDateField(label=_("From"), required=False)
    ends_on = BEDateField(label=_("To"), required=False)

    def clean(self):
        cleaned = super().clean()
        starts_on, ends_on = cleaned.get("starts_on"), cleaned.get("ends_on")
        if starts_on and ends_on and ends_on < starts_on:
            self.add_error("ends_on", CareError.ENDS_BEFORE_START.message())
        return cleaned
