"""Forms of households and their members: typed input turned into values (BE years, BE dates, Thai digits); the
rules (a valid national ID, a reason without one, the purpose and consent) are the services'."""

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from sanphalang.directory.models import LegalBasis
from sanphalang.thai.forms import BEDateField, ThaiIntegerField
from sanphalang.thai.search import SEARCH_MAX_LENGTH
from sanphalang.web.forms import StyledFormMixin

from ..models import (
    Disability,
    Household,
    IncomeBand,
    LegalStatus,
    Member,
    NoNationalIdReason,
    Relationship,
    Sex,
)
from ..models.households import ADDRESS_MAX_LENGTH, NOTE_MAX_LENGTH
from ..services.households import BE_OFFSET, HOUSEHOLD_FIELDS, MEMBER_FIELDS

# The model's fields the forms show as they are (the area is typed as its code, the year of birth in BE, the ID
# as typed).
HOUSEHOLD_FORM_FIELDS = sorted(HOUSEHOLD_FIELDS - {"area_code"})
MEMBER_FORM_FIELDS = sorted(MEMBER_FIELDS - {"birth_year_be", "national_id"})


def _label(model, name: str) -> str:
    return model._meta.get_field(name).verbose_name.capitalize()


class HouseholdSearchForm(StyledFormMixin, forms.Form):
    q = forms.CharField(
        label=_("Name, national ID, house number or address"),
        max_length=SEARCH_MAX_LENGTH,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "type": "search"}),
    )
    page = forms.IntegerField(required=False, min_value=1, widget=forms.HiddenInput)


class HouseholdForm(StyledFormMixin, forms.Form):
    area_code = forms.CharField(
        label=_("Village, community or subdistrict code"),
        max_length=10,
        help_text=_(
            "The official code of the village, urban community or subdistrict the household lives in."
        ),
    )
    house_number = forms.CharField(label=_label(Household, "house_number"), max_length=40, required=False)
    address = forms.CharField(
        label=_label(Household, "address"),
        max_length=ADDRESS_MAX_LENGTH,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    phone = forms.CharField(label=_label(Household, "phone"), max_length=60, required=False)
    income_band = forms.ChoiceField(
        label=_label(Household, "income_band"), choices=IncomeBand.choices, initial=IncomeBand.UNKNOWN
    )
    purpose = forms.CharField(
        label=_label(Household, "purpose"),
        max_length=300,
        help_text=_("What the household's data is kept for, as told to the household."),
    )
    legal_basis = forms.ChoiceField(
        label=_label(Household, "legal_basis"), choices=LegalBasis.choices, initial=LegalBasis.CONSENT
    )
    consent_for_services = forms.BooleanField(label=_label(Household, "consent_for_services"), required=False)
    consent_for_sharing = forms.BooleanField(label=_label(Household, "consent_for_sharing"), required=False)
    consent_on = BEDateField(label=_label(Household, "consent_on"), required=False)
    note = forms.CharField(
        label=_label(Household, "note"),
        max_length=NOTE_MAX_LENGTH,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, instance: Household | None = None, **kwargs):
        if instance is not None:
            initial = {name: getattr(instance, name) for name in HOUSEHOLD_FORM_FIELDS}
            kwargs.setdefault("initial", {**initial, "area_code": instance.area_id})
        super().__init__(*args, **kwargs)


class MemberForm(StyledFormMixin, forms.Form):
    title = forms.CharField(label=pgettext_lazy("honorific", "Title"), max_length=60, required=False)
    first_name = forms.CharField(label=_label(Member, "first_name"), max_length=120)
    last_name = forms.CharField(label=_label(Member, "last_name"), max_length=120, required=False)
    relationship = forms.ChoiceField(
        label=_label(Member, "relationship"), choices=Relationship.choices, initial=Relationship.HEAD
    )
    birth_year_be = ThaiIntegerField(
        label=_("Year of birth (BE)"), required=False, help_text=_("For example 2490.")
    )
    sex = forms.ChoiceField(label=_label(Member, "sex"), choices=Sex.choices, initial=Sex.UNSPECIFIED)
    phone = forms.CharField(label=_label(Member, "phone"), max_length=60, required=False)
    national_id = forms.CharField(
        label=_("National ID"),
        max_length=40,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "inputmode": "numeric"}),
    )
    no_national_id_reason = forms.ChoiceField(
        label=_label(Member, "no_national_id_reason"),
        choices=[("", "—"), *NoNationalIdReason.choices],
        required=False,
    )
    legal_status = forms.ChoiceField(
        label=_label(Member, "legal_status"), choices=LegalStatus.choices, initial=LegalStatus.THAI
    )
    disability = forms.ChoiceField(
        label=_label(Member, "disability"), choices=Disability.choices, required=False
    )
    chronic_illness = forms.CharField(label=_label(Member, "chronic_illness"), max_length=200, required=False)
    bedridden = forms.BooleanField(label=_label(Member, "bedridden"), required=False)
    elderly_alone = forms.BooleanField(label=_label(Member, "elderly_alone"), required=False)

    def __init__(self, *args, instance: Member | None = None, **kwargs):
        if instance is not None:
            initial = {name: getattr(instance, name) for name in MEMBER_FORM_FIELDS}
            if instance.birth_year:
                initial["birth_year_be"] = instance.birth_year + BE_OFFSET
            kwargs.setdefault("initial", initial)
        super().__init__(*args, **kwargs)
        if instance is not None and instance.has_national_id:
            self.fields["national_id"].help_text = _("Leave empty to keep the national ID recorded.")

    def member_fields(self, *, keep_national_id: bool = False) -> dict:
        """The cleaned values as the services take them; an empty ID box on an edit keeps the ID recorded."""
        fields = {name: value for name, value in self.cleaned_data.items() if name != "version"}
        if keep_national_id and not fields.get("national_id"):
            fields.pop("national_id", None)
        return fields


class BaseMemberFormSet(forms.BaseFormSet):
    def members(self) -> list[dict]:
        """The rows filled in; empty extra rows are left out."""
        return [form.member_fields() for form in self.forms if form.has_changed() and form.is_valid()]


MemberFormSet = forms.formset_factory(
    MemberForm, formset=BaseMemberFormSet, extra=1, max_num=30, absolute_max=30
)


class OverrideForm(StyledFormMixin, forms.Form):
    override_reason = forms.CharField(
        label=_("Why this is not the household found"),
        max_length=300,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
