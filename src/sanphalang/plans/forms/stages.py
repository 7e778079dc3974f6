"""Forms of the charter and registration pages: a record's details, the stage reached, and the list filters.
They read and check input; plans/services/stages.py decides and writes. Field names are the service's arguments."""

from django import forms
from django.template.defaultfilters import filesizeformat
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from sanphalang.areas.models import Area, AreaLevel
from sanphalang.directory.forms import OrganisationChoiceField, organisation_search_url
from sanphalang.directory.models import OrganisationKind
from sanphalang.directory.selectors import organisation_list
from sanphalang.meetings.forms.attachments import ATTACHMENT_MAX_BYTES
from sanphalang.thai.forms import BEDateField
from sanphalang.web.forms import StyledFormMixin
from sanphalang.welfare.forms.registry import fund_area_field
from sanphalang.welfare.selectors.registry import fund_list

from ..access import scope_provinces
from ..models import Charter, CharterStage, Registration, RegistrationLaw, RegistrationStage, StageEvent


def _label(model, name: str):
    return capfirst(model._meta.get_field(name).verbose_name)


class CharterForm(StyledFormMixin, forms.Form):
    title = forms.CharField(label=_label(Charter, "title"), max_length=300)
    area_code = fund_area_field()
    adopted_by = OrganisationChoiceField(
        label=_label(Charter, "adopted_by"),
        required=False,
        queryset=None,
        help_text=Charter._meta.get_field("adopted_by").help_text,
    )
    note = forms.CharField(
        label=_label(Charter, "note"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, user, instance: Charter | None = None, **kwargs):
        if instance is not None:
            kwargs.setdefault(
                "initial",
                {
                    "title": instance.title,
                    "area_code": instance.area_id,
                    "adopted_by": instance.adopted_by_id,
                    "note": instance.note,
                },
            )
        super().__init__(*args, **kwargs)
        self.fields["adopted_by"].queryset = organisation_list(user=user).prefetch_related(None)


class RegistrationForm(StyledFormMixin, forms.Form):
    organisation = OrganisationChoiceField(
        label=_label(Registration, "organisation"),
        required=False,
        queryset=None,
        help_text=_("The organisation or network that registers."),
    )
    fund = forms.ModelChoiceField(label=_label(Registration, "fund"), required=False, queryset=None)
    law = forms.ChoiceField(label=_label(Registration, "law"), choices=RegistrationLaw.choices)
    authority = OrganisationChoiceField(
        label=_label(Registration, "authority"),
        required=False,
        queryset=None,
        help_text=_("Such as the provincial office of social development and human security."),
        search_url=organisation_search_url(OrganisationKind.AGENCY),
    )
    registration_number = forms.CharField(
        label=_label(Registration, "registration_number"), max_length=60, required=False
    )
    registered_on = BEDateField(label=_("Registered on"), required=False)
    expires_on = BEDateField(label=_label(Registration, "expires_on"), required=False)
    note = forms.CharField(
        label=_label(Registration, "note"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, user, instance: Registration | None = None, **kwargs):
        if instance is not None:
            initial = {name: getattr(instance, name) for name in ("law", "registration_number", "note")}
            initial.update(
                organisation=instance.organisation_id,
                fund=instance.fund_id,
                authority=instance.authority_id,
                registered_on=instance.registered_on,
                expires_on=instance.expires_on,
            )
            kwargs.setdefault("initial", initial)
        super().__init__(*args, **kwargs)
        visible = organisation_list(user=user).prefetch_related(None)
        self.fields["organisation"].queryset = visible
        self.fields["authority"].queryset = visible
        self.fields["fund"].queryset = fund_list(user=user).select_related(None).order_by("sort_key")


class StageRecordForm(StyledFormMixin, forms.Form):
    """A stage reached: which, when, what was noted, and the document of that step. A registration registered or
    renewed also takes its number and renewal date."""

    stage = forms.ChoiceField(label=_label(StageEvent, "stage"))
    happened_on = BEDateField(label=_label(StageEvent, "happened_on"))
    note = forms.CharField(
        label=_label(StageEvent, "note"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    document = forms.FileField(
        label=_label(StageEvent, "document"),
        required=False,
        help_text=_("Up to %(size)s") % {"size": filesizeformat(ATTACHMENT_MAX_BYTES)},
    )
    document_title = forms.CharField(
        label=_label(StageEvent, "document_title"),
        max_length=200,
        required=False,
        help_text=_("Left empty, the file name is used"),
    )

    def __init__(self, *args, record, **kwargs):
        kwargs.setdefault("prefix", "stage")
        super().__init__(*args, **kwargs)
        self.fields["stage"].choices = record.STAGES.choices
        if isinstance(record, Registration):
            self.fields["registration_number"] = forms.CharField(
                label=_label(Registration, "registration_number"),
                max_length=60,
                required=False,
                help_text=_("When registered or renewed"),
            )
            self.fields["expires_on"] = BEDateField(
                label=_label(Registration, "expires_on"),
                required=False,
                help_text=_("When registered or renewed"),
            )

    def clean_document(self):
        upload = self.cleaned_data["document"]
        if upload and upload.size > ATTACHMENT_MAX_BYTES:
            raise forms.ValidationError(
                _("The file is larger than %(size)s.") % {"size": filesizeformat(ATTACHMENT_MAX_BYTES)}
            )
        return upload

    def service_arguments(self) -> dict:
        data = dict(self.cleaned_data)
        for name in ("registration_number", "expires_on"):
            if name in data and not data[name]:
                data[name] = None
        data.setdefault("document", None)
        return data


def province_choices(*, user) -> list[tuple[str, str]]:
    """The provinces whose charters and registrations the user reads."""
    provinces = Area.objects.filter(level=AreaLevel.PROVINCE).order_by("sort_key")
    codes = scope_provinces(user)
    if codes is not None:
        provinces = provinces.filter(code__in=codes)
    return [(area.code, area.display_name) for area in provinces]


class StagedFilterForm(StyledFormMixin, forms.Form):
    """The province, its district and the stage; the province defaults to the first the user works in."""

    province = forms.ChoiceField(label=_("Province"), required=False)
    district = forms.ChoiceField(label=_("District"), required=False)
    stage = forms.ChoiceField(label=_("Stage"), required=False)

    stages = CharterStage

    def __init__(self, data=None, *, user, **kwargs):
        super().__init__(data, **kwargs)
        provinces = province_choices(user=user)
        self.fields["province"].choices = provinces
        self.fields["stage"].choices = [("", _("All stages"))] + list(self.stages.choices)
        chosen = (data or {}).get("province") or (provinces[0][0] if provinces else "")
        self.province_code = chosen if chosen in dict(provinces) else (provinces[0][0] if provinces else "")
        districts = Area.objects.filter(parent_id=self.province_code).order_by("sort_key")
        self.fields["district"].choices = [("", _("All districts"))] + [
            (area.code, area.display_name) for area in districts
        ]

    def criteria(self) -> dict:
        data = self.cleaned_data if self.is_bound and self.is_valid() else {}
        return {
            "province_code": self.province_code or None,
            "district_code": data.get("district") or None,
            "stage": data.get("stage") or None,
        }


class CharterFilterForm(StagedFilterForm):
    """The charter list's filters: province, district, stage."""


class RegistrationFilterForm(StagedFilterForm):
    law = forms.ChoiceField(label=_label(Registration, "law"), required=False)
    renewal_due = forms.BooleanField(label=_("Renewal due within 90 days"), required=False)

    stages = RegistrationStage

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["law"].choices = [("", _("Any law"))] + list(RegistrationLaw.choices)

    def criteria(self) -> dict:
        criteria = super().criteria()
        data = self.cleaned_data if self.is_bound and self.is_valid() else {}
        criteria.update(law=data.get("law") or None, renewal_due=bool(data.get("renewal_due")))
        return criteria
