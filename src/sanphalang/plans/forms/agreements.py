"""Forms of agreements (MOUs): the agreement, a party and its commitment, a signatory, a document."""

from django import forms
from django.conf import settings
from django.db.models import Q
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from sanphalang.directory.forms import OrganisationChoiceField, PersonChoiceField
from sanphalang.directory.models import Person
from sanphalang.directory.selectors import organisation_list, person_list
from sanphalang.meetings.selectors.meetings import meeting_list
from sanphalang.thai.forms import BEDateField, ThaiIntegerField
from sanphalang.web.forms import StyledFormMixin

from ..models import Plan
from ..models.agreements import AgreementKind
from ..selectors.plans import plan_list
from .plans import year_field

DOCUMENT_MAX_BYTES = getattr(settings, "PLANS_DOCUMENT_MAX_BYTES", 10 * 1024 * 1024)


class AgreementFilterForm(StyledFormMixin, forms.Form):
    year = year_field(required=False)
    plan = forms.ModelChoiceField(label=_("Plan"), required=False, queryset=Plan.objects.none())

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["plan"].queryset = plan_list(user=user)


class AgreementForm(StyledFormMixin, forms.Form):
    title = forms.CharField(label=_("Name of the agreement"), max_length=300)
    kind = forms.ChoiceField(
        label=_("Kind"), choices=AgreementKind.choices, initial=AgreementKind.COOPERATION
    )
    plan = forms.ModelChoiceField(label=_("Plan"), required=False, queryset=None)
    area_code = forms.CharField(
        label=_("Area code"),
        max_length=10,
        required=False,
        help_text=_("Left empty, the agreement belongs to the plan's area"),
        widget=forms.TextInput(attrs={"list": "area-options", "autocomplete": "off"}),
    )
    signed_on = BEDateField(label=_("Signed on"), required=False)
    venue = forms.CharField(label=_("Venue"), max_length=300, required=False)
    meeting = forms.ModelChoiceField(
        label=_("Meeting or forum"),
        required=False,
        queryset=None,
        help_text=_("The meeting or forum where it was signed"),
    )
    purpose = forms.CharField(label=_("Purpose"), required=False, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, user, instance=None, **kwargs):
        if instance is not None:
            initial = {
                name: getattr(instance, name) for name in ("title", "kind", "signed_on", "venue", "purpose")
            }
            initial.update(plan=instance.plan_id, area_code=instance.area_id, meeting=instance.meeting_id)
            kwargs.setdefault("initial", initial)
        super().__init__(*args, **kwargs)
        self.fields["plan"].queryset = plan_list(user=user)
        self.fields["meeting"].queryset = meeting_list(user=user).select_related("body").order_by("-held_on")


class PartyForm(StyledFormMixin, forms.Form):
    organisation = OrganisationChoiceField(label=_("Organisation"), queryset=None)
    commitment = forms.CharField(
        label=_("Commitment"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("What this party undertakes to do"),
    )
    order = ThaiIntegerField(label=_("Order"), required=False, min_value=0)

    def __init__(self, *args, user, instance=None, **kwargs):
        if instance is not None:
            kwargs.setdefault(
                "initial",
                {
                    "organisation": instance.organisation_id,
                    "commitment": instance.commitment,
                    "order": instance.order,
                },
            )
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisation_list(user=user).prefetch_related(None)


class SignatoryForm(StyledFormMixin, forms.Form):
    """Who signed, in what position; on the agreement's page, also for which of its parties (parties given)."""

    party = forms.ModelChoiceField(label=_("For the party"), queryset=None)
    person = PersonChoiceField(label=_("Person"), queryset=None)
    position = forms.CharField(
        label=_("Position"),
        max_length=200,
        required=False,
        help_text=_("The position they signed in, e.g. ผู้ว่าราชการจังหวัดพะเยา"),
    )

    def __init__(self, *args, user, instance=None, parties=None, **kwargs):
        if instance is not None:
            kwargs.setdefault("initial", {"person": instance.person_id, "position": instance.position})
        super().__init__(*args, **kwargs)
        if parties is None:
            del self.fields["party"]
        else:
            self.fields["party"].queryset = parties
        visible = Q(pk__in=person_list(user=user).values("pk"))
        if instance is not None:
            # The person who signed stays choosable, even one the user may not open (a signatory is named in public).
            visible |= Q(pk=instance.person_id)
        self.fields["person"].queryset = Person.objects.filter(visible)


class DocumentForm(StyledFormMixin, forms.Form):
    title = forms.CharField(
        label=_("Name of the document"),
        max_length=200,
        required=False,
        help_text=_("Left empty, the file name is used"),
    )
    file = forms.FileField(
        label=_("File"), help_text=_("Up to %(size)s") % {"size": filesizeformat(DOCUMENT_MAX_BYTES)}
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("prefix", "attachment")
        super().__init__(*args, **kwargs)

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > DOCUMENT_MAX_BYTES:
            raise forms.ValidationError(
                _("The file is larger than %(size)s.") % {"size": filesizeformat(DOCUMENT_MAX_BYTES)}
            )
        return upload
