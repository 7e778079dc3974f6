"""Forms of bodies and their memberships."""

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from sanphalang.directory.forms import IssueAreaMultipleChoiceField, OrganisationChoiceField, area_code_field
from sanphalang.directory.selectors import issue_area_list
from sanphalang.thai.forms import BEDateField
from sanphalang.web.forms import StyledFormMixin

from ..errors import MeetingError
from ..models import BodyKind
from .choices import PersonOrOrganisationForm, bodies, organisations

# Roles kept in Membership.role; the model leaves the field open so imports can bring other words.
MEMBERSHIP_ROLES = [
    ("chair", _("Chair")),
    ("vice_chair", _("Vice chair")),
    ("secretary", _("Secretary")),
    ("member", _("Member")),
    ("advisor", _("Advisor")),
    ("coordinator", _("Coordinator")),
]


class BodyFilterForm(StyledFormMixin, forms.Form):
    q = forms.CharField(label=_("Search"), required=False)
    kind = forms.ChoiceField(
        label=_("Kind"), required=False, choices=[("", _("All kinds"))] + list(BodyKind.choices)
    )


class BodyForm(StyledFormMixin, forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=BodyKind.choices, initial=BodyKind.COMMITTEE)
    name_th = forms.CharField(label=_("Name (Thai)"), max_length=300)
    name_en = forms.CharField(label=_("Name (English)"), max_length=300, required=False)
    area_code = area_code_field()
    organisation = OrganisationChoiceField(
        label=_("Organisation"),
        required=False,
        queryset=None,
        help_text=_("The council, network or centre this body belongs to, if any"),
    )
    parent = forms.ModelChoiceField(
        label=_("Part of"),
        required=False,
        queryset=None,
        help_text=_("For a working group: the council or committee it reports to"),
    )
    issue_areas = IssueAreaMultipleChoiceField(label=_("Issue areas"), required=False, queryset=None)
    description = forms.CharField(
        label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    is_active = forms.BooleanField(label=_("Active"), required=False, initial=True)

    def __init__(self, *args, user, instance=None, **kwargs):
        if instance is not None:
            initial = {
                name: getattr(instance, name)
                for name in ("kind", "name_th", "name_en", "description", "is_active")
            }
            initial.update(
                area_code=instance.area_id,
                organisation=instance.organisation_id,
                parent=instance.parent_id,
                issue_areas=[i.pk for i in instance.issue_areas.all()],
            )
            kwargs.setdefault("initial", initial)
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations(user)
        parents = bodies(user)
        if instance is not None:
            parents = parents.exclude(pk=instance.pk)
        self.fields["parent"].queryset = parents
        self.fields["issue_areas"].queryset = issue_area_list(user=user)


class MembershipTermsForm(StyledFormMixin, forms.Form):
    """A membership's terms: what the member's form asks besides who, and all that correcting one changes."""

    role = forms.ChoiceField(label=_("Role"), choices=MEMBERSHIP_ROLES, initial="member")
    title = forms.CharField(
        label=pgettext_lazy("membership title", "Position title"), max_length=200, required=False
    )
    started_on = BEDateField(label=_("From"), required=False)
    ended_on = BEDateField(label=_("Until"), required=False, help_text=_("Set to end the membership"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        role = self.initial.get("role")
        if role and role not in dict(MEMBERSHIP_ROLES):
            # A role brought by an import stays choosable when the membership is corrected.
            self.fields["role"].choices = [*MEMBERSHIP_ROLES, (role, role)]

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("started_on"), cleaned.get("ended_on")
        if start and end and end < start:
            self.add_error("ended_on", MeetingError.MEMBERSHIP_ENDS_BEFORE_START.message())
        return cleaned


class MembershipForm(PersonOrOrganisationForm, MembershipTermsForm):
    form_prefix = "member"
    field_order = ["person", "organisation", "role", "title", "started_on", "ended_on"]
    organisation = OrganisationChoiceField(
        label=_("Organisation"),
        required=False,
        queryset=None,
        help_text=_("A person, an organisation, or a person for an organisation"),
    )
