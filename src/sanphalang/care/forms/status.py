"""Forms of legal status cases (S8): opening a case, the step reached, a document, and the list filters. They read
and check input; care/services/status.py decides and writes."""

from django import forms
from django.template.defaultfilters import filesizeformat
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from sanphalang.directory.forms import OrganisationChoiceField
from sanphalang.directory.selectors import organisation_list
from sanphalang.meetings.forms.attachments import ATTACHMENT_MAX_BYTES
from sanphalang.thai.forms import BEDateField
from sanphalang.web.forms import StyledFormMixin

from ..models import (
    DocumentKind,
    LegalStatusCase,
    LegalStatusDocument,
    LegalStatusEvent,
    StatusSought,
    StatusStep,
)


def _label(model, name: str):
    return capfirst(model._meta.get_field(name).verbose_name)


class _AgencyMixin:
    def _agencies(self, user):
        self.fields["agency"].queryset = organisation_list(user=user).prefetch_related(None)


class StatusCaseForm(_AgencyMixin, StyledFormMixin, forms.Form):
    status_sought = forms.ChoiceField(
        label=_label(LegalStatusCase, "status_sought"), choices=StatusSought.choices
    )
    opened_on = BEDateField(label=_label(LegalStatusCase, "opened_on"))
    agency = OrganisationChoiceField(label=_label(LegalStatusCase, "agency"), required=False, queryset=None)
    note = forms.CharField(
        label=_label(LegalStatusCase, "note"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, user, instance: LegalStatusCase | None = None, **kwargs):
        if instance is not None:
            kwargs.setdefault(
                "initial",
                {
                    "status_sought": instance.status_sought,
                    "agency": instance.agency_id,
                    "note": instance.note,
                },
            )
        super().__init__(*args, **kwargs)
        self._agencies(user)
        if instance is not None:
            del self.fields["opened_on"]


class StatusStepForm(StyledFormMixin, forms.Form):
    step = forms.ChoiceField(label=_label(LegalStatusEvent, "step"), choices=StatusStep.choices)
    happened_on = BEDateField(label=_label(LegalStatusEvent, "happened_on"))
    note = forms.CharField(label=_label(LegalStatusEvent, "note"), required=False, max_length=300)

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("prefix", "step")
        super().__init__(*args, **kwargs)


class StatusDocumentForm(StyledFormMixin, forms.Form):
    kind = forms.ChoiceField(label=_label(LegalStatusDocument, "kind"), choices=DocumentKind.choices)
    file = forms.FileField(
        label=_label(LegalStatusDocument, "file"),
        required=False,
        help_text=_("Up to %(size)s") % {"size": filesizeformat(ATTACHMENT_MAX_BYTES)},
    )
    received_on = BEDateField(label=_label(LegalStatusDocument, "received_on"), required=False)
    note = forms.CharField(label=_label(LegalStatusDocument, "note"), required=False, max_length=300)

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("prefix", "document")
        super().__init__(*args, **kwargs)

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload and upload.size > ATTACHMENT_MAX_BYTES:
            raise forms.ValidationError(
                _("The file is larger than %(size)s.") % {"size": filesizeformat(ATTACHMENT_MAX_BYTES)}
            )
        return upload


class StatusFilterForm(_AgencyMixin, StyledFormMixin, forms.Form):
    step = forms.ChoiceField(
        label=_("Current step"), choices=[("", _("Every step")), *StatusStep.choices], required=False
    )
    agency = OrganisationChoiceField(label=_("Agency it waits on"), required=False, queryset=None)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self._agencies(user)
