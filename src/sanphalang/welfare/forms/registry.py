"""Forms of the fund registry pages: register a fund by hand, edit its registry details.

They read and check input; welfare/services/registry.py decides and writes. Field names are the service's keyword
arguments, so a service's field error lands at its field. Labels are the model's, translated once.
"""

from django import forms
from django.db.models import Q
from django.urls import reverse_lazy
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from sanphalang.directory.forms import (
    OrganisationChoiceField,
    OrganisationMultipleChoiceField,
    area_code_field,
    organisation_search_url,
)
from sanphalang.directory.models import OrganisationKind
from sanphalang.directory.selectors import organisation_list
from sanphalang.thai.forms import BEDateField
from sanphalang.web.forms import StyledFormMixin
from sanphalang.web.pickers import PickerFieldMixin

from ..models import Fund, FundStatus
from ..selectors.registry import district_choices, source_search
from ..selectors.sources import source_label

# The directory entries a fund may be linked to: those of welfare funds that no fund has yet.
UNLINKED_FUND_ENTRIES = Q(kind=OrganisationKind.WELFARE_FUND, fund__isnull=True)


def _label(name: str):
    return capfirst(Fund._meta.get_field(name).verbose_name)


def fund_area_field() -> forms.CharField:
    """The area-code box of the directory forms, suggesting only the subdistricts of the user's areas."""
    field = area_code_field()
    field.help_text = _(
        "Official code of the subdistrict, e.g. 570101. Type a name to search the subdistricts of your areas."
    )
    field.widget.attrs.update(
        {
            "hx-get": reverse_lazy("welfare:fund_area_options"),
            "hx-trigger": "input changed delay:300ms",
            "hx-target": "#area-options",
            "hx-swap": "innerHTML",
        }
    )
    return field


class FundRegistryForm(StyledFormMixin, forms.Form):
    """The registry details of a fund: what fund_update changes."""

    area_code = fund_area_field()
    is_municipal = forms.BooleanField(
        label=_label("is_municipal"), required=False, help_text=Fund._meta.get_field("is_municipal").help_text
    )
    registered_welfare_organisation = forms.BooleanField(
        label=_label("registered_welfare_organisation"), required=False
    )
    registered_on = BEDateField(label=_label("registered_on"), required=False)
    networks = OrganisationMultipleChoiceField(
        label=_label("networks"),
        required=False,
        queryset=None,
        help_text=_("The district and province networks the fund belongs to."),
        search_url=organisation_search_url(OrganisationKind.NETWORK),
    )
    contact_name = forms.CharField(label=_label("contact_name"), max_length=200, required=False)
    contact_phone = forms.CharField(label=_label("contact_phone"), max_length=60, required=False)
    organisation = OrganisationChoiceField(
        label=_label("organisation"),
        required=False,
        queryset=None,
        help_text=_("The fund's own entry in the directory, if it has one."),
        search_url="welfare:fund_entry_options",
    )

    def __init__(self, *args, user, instance: Fund | None = None, **kwargs):
        if instance is not None:
            kwargs.setdefault("initial", registry_initial(instance))
        super().__init__(*args, **kwargs)
        visible = organisation_list(user=user).prefetch_related(None)
        self.fields["networks"].queryset = visible.filter(kind=OrganisationKind.NETWORK)
        # Entries of welfare funds not yet linked to a fund, and this fund's own.
        entries = UNLINKED_FUND_ENTRIES
        if instance is not None and instance.organisation_id:
            entries |= Q(pk=instance.organisation_id)
        self.fields["organisation"].queryset = visible.filter(entries)


def registry_initial(fund: Fund) -> dict:
    fields = (
        "is_municipal",
        "registered_welfare_organisation",
        "registered_on",
        "contact_name",
        "contact_phone",
    )
    initial = {name: getattr(fund, name) for name in fields}
    initial.update(
        area_code=fund.area_id,
        organisation=fund.organisation_id,
        networks=[network.pk for network in fund.networks.all()],
    )
    return initial


class FundCreateForm(FundRegistryForm):
    """A new fund: its registry details and, this once, the values the settle step keeps afterwards."""

    name = forms.CharField(label=_label("name_th"), max_length=300)
    fund_code = forms.CharField(label=_label("fund_code"), max_length=40, required=False)
    founded_on = BEDateField(label=_label("founded_on"), required=False)
    status = forms.ChoiceField(label=_label("status"), choices=FundStatus.choices, initial=FundStatus.ACTIVE)

    field_order = ["name", "area_code", "is_municipal", "fund_code", "founded_on", "status"]


def district_label(area) -> str:
    """How the district picker names a district: there is an อำเภอเมือง in every province."""
    return f"{area.display_name} ({area.parent.display_name})" if area.parent_id else area.display_name


class DistrictChoiceField(PickerFieldMixin, forms.ModelChoiceField):
    """A district found by typing (views/registry.DistrictSearch), its code in the query string."""

    search_url = "welfare:district_options"

    def label_from_instance(self, obj):
        return district_label(obj)


class SourceChoiceField(PickerFieldMixin, forms.ModelChoiceField):
    """A source found by typing (views/registry.SourceSearch), named with the area it covers."""

    search_url = "welfare:source_options"

    def label_from_instance(self, obj):
        return source_label(obj)


class FundFilterForm(StyledFormMixin, forms.Form):
    q = forms.CharField(label=_("Search"), required=False)
    district = DistrictChoiceField(label=_("District"), required=False, queryset=None)
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", _("All statuses"))] + list(FundStatus.choices)
    )
    missing_from = SourceChoiceField(
        label=_("Missing from"),
        required=False,
        queryset=None,
        help_text=_("Funds that this source does not list"),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["district"].queryset = district_choices(user=user)
        self.fields["missing_from"].queryset = source_search(user=user)
