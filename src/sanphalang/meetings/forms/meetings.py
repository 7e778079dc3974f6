"""Forms of meetings and of what is recorded at them: agenda items, invitations, attendance, minutes and resolutions."""

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from sanphalang.directory.forms import OrganisationChoiceField, PersonChoiceField
from sanphalang.thai.forms import BEDateField, ThaiIntegerField
from sanphalang.web.forms import StyledFormMixin

from ..models import BodyKind, InvitationResponse, MeetingStatus
from .choices import PersonOrOrganisationForm, bodies, changeable_bodies, people


class MeetingFilterForm(StyledFormMixin, forms.Form):
    body = forms.ModelChoiceField(label=_("Body"), required=False, queryset=None, empty_label=_("All bodies"))
    year = ThaiIntegerField(label=_("Year (BE)"), required=False, min_value=2400, max_value=2800)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["body"].queryset = bodies(user)


class MeetingForm(StyledFormMixin, forms.Form):
    body = forms.ModelChoiceField(label=_("Body"), queryset=None)
    held_on = BEDateField(label=_("Date"))
    number = ThaiIntegerField(
        label=_("Number"),
        required=False,
        min_value=1,
        help_text=_(
            "Proposed automatically as the next number of the body in the year of the meeting; "
            "you may change it. Left empty, the next number is used."
        ),
    )
    title = forms.CharField(label=pgettext_lazy("meeting title", "Title"), max_length=300, required=False)
    starts_at = forms.TimeField(
        label=_("Starts at"), required=False, widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
    )
    ends_at = forms.TimeField(
        label=_("Ends at"), required=False, widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
    )
    venue = forms.CharField(label=_("Venue"), max_length=300, required=False)
    chair = PersonChoiceField(label=_("Chair"), required=False, queryset=None)
    chair_title = forms.CharField(
        label=_("Chair's position"),
        max_length=200,
        required=False,
        help_text=_("E.g. รองผู้ว่าราชการจังหวัดเชียงราย"),
    )
    status = forms.ChoiceField(
        label=_("Status"), choices=MeetingStatus.choices, initial=MeetingStatus.PLANNED
    )
    head_count = ThaiIntegerField(
        label=_("Participants"),
        required=False,
        min_value=0,
        help_text=_("The number of participants, when only a number is known (Thai digits are fine: ๕๐)"),
    )

    def __init__(self, *args, user, instance=None, **kwargs):
        if instance is not None:
            initial = {
                name: getattr(instance, name)
                for name in (
                    "held_on",
                    "number",
                    "title",
                    "starts_at",
                    "ends_at",
                    "venue",
                    "chair_title",
                    "status",
                    "head_count",
                )
            }
            initial.update(body=instance.body_id, chair=instance.chair_id)
            kwargs.setdefault("initial", initial)
        super().__init__(*args, **kwargs)
        self.fields["body"].queryset = changeable_bodies(user)
        self.fields["chair"].queryset = people(user)
        if instance is not None:
            # A meeting stays with its body; moving it would renumber another body's year.
            del self.fields["body"]


class AgendaItemForm(StyledFormMixin, forms.Form):
    title = forms.CharField(label=pgettext_lazy("agenda item title", "Title"), max_length=300)
    description = forms.CharField(
        label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    working_group = forms.ModelChoiceField(label=_("Reporting working group"), required=False, queryset=None)
    report = forms.CharField(
        label=_("Report"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("What the working group reported: work done, figures, problems, requests"),
    )

    def __init__(self, *args, user, meeting, **kwargs):
        kwargs.setdefault("prefix", "agenda")
        super().__init__(*args, **kwargs)
        groups = bodies(user)
        self.fields["working_group"].queryset = groups.filter(parent=meeting.body) | groups.filter(
            kind=BodyKind.WORKING_GROUP
        )


class AgendaItemEditForm(AgendaItemForm):
    """Correcting an agenda item: its fields and its place in the agenda."""

    order = ThaiIntegerField(
        label=_("Order"),
        min_value=1,
        help_text=_("Its place in the agenda; the other items move to make room"),
    )
    field_order = ["order", "title", "description", "working_group", "report"]

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("prefix", None)
        super().__init__(*args, **kwargs)


class InvitationAnswerForm(StyledFormMixin, forms.Form):
    """An invitation's answer and the day it was sent: what correcting one changes."""

    sent_on = BEDateField(label=_("Sent on"), required=False)
    response = forms.ChoiceField(
        label=_("Response"), choices=InvitationResponse.choices, initial=InvitationResponse.PENDING
    )


class InvitationForm(PersonOrOrganisationForm, InvitationAnswerForm):
    form_prefix = "invitation"
    field_order = ["person", "organisation", "sent_on", "response"]


class AttendanceRoleForm(StyledFormMixin, forms.Form):
    """The role someone had at the meeting: what correcting an attendance line changes."""

    role = forms.CharField(label=_("Role at the meeting"), max_length=200, required=False)


class AttendanceForm(PersonOrOrganisationForm, AttendanceRoleForm):
    form_prefix = "attendance"
    field_order = ["person", "organisation", "role"]
    organisation = OrganisationChoiceField(
        label=_("Organisation"),
        required=False,
        queryset=None,
        help_text=_("Someone who is not a member is recorded as a guest."),
    )


class MinutesForm(StyledFormMixin, forms.Form):
    head_count = ThaiIntegerField(label=_("Participants"), required=False, min_value=0)
    minutes = forms.CharField(label=_("Minutes"), required=False, widget=forms.Textarea(attrs={"rows": 16}))


class ResolutionForm(StyledFormMixin, forms.Form):
    text = forms.CharField(label=_("Resolution"), widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("prefix", "resolution")
        super().__init__(*args, **kwargs)


class ResolutionEditForm(ResolutionForm):
    number = ThaiIntegerField(label=_("Resolution number"), min_value=1)
    field_order = ["number", "text"]

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("prefix", None)
        super().__init__(*args, **kwargs)
