"""Forms of the meeting pages: they read and check input; the services decide and write."""

from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from sanphalang.areas.scoping import scope_for
from sanphalang.directory.forms import (
    IssueAreaMultipleChoiceField,
    OrganisationChoiceField,
    PersonChoiceField,
    area_code_field,
)
from sanphalang.directory.selectors import issue_area_list, organisation_list, person_list
from sanphalang.thai.forms import BEDateField, ThaiIntegerField
from sanphalang.web.forms import StyledFormMixin

from .models import ActionStatus, BodyKind, InvitationResponse, LetterDirection, LetterStatus, MeetingStatus
from .recurrence import MAX_RECURRENCE_MONTHS
from .selectors import action_item_list, body_list, letter_list, meeting_list

ATTACHMENT_MAX_BYTES = getattr(settings, "MEETINGS_ATTACHMENT_MAX_BYTES", 10 * 1024 * 1024)

# Roles kept in Membership.role; the model leaves the field open so imports can bring other words.
MEMBERSHIP_ROLES = [
    ("chair", _("Chair")),
    ("vice_chair", _("Vice chair")),
    ("secretary", _("Secretary")),
    ("member", _("Member")),
    ("advisor", _("Advisor")),
    ("coordinator", _("Coordinator")),
]
RECURRENCE_RULE = _("A repeating item creates the next one when it is done or falls due; "
                    "with no end date it repeats until cancelled.")


def _people(user):
    return person_list(user=user).prefetch_related(None).select_related(None).order_by("first_name", "last_name")


def _organisations(user):
    return organisation_list(user=user).prefetch_related(None).select_related("area").order_by("sort_key")


def _bodies(user):
    return body_list(user=user).prefetch_related(None).select_related(None)


def _writable_bodies(user):
    """Bodies of the user's own areas: a district sees its province's council but cannot add to it."""
    return _bodies(user).filter(scope_for(user).subtree_q("area_id"))


# ---- bodies -------------------------------------------------------------------------------------------------


class BodyFilterForm(StyledFormMixin, forms.Form):
    q = forms.CharField(label=_("Search"), required=False)
    kind = forms.ChoiceField(label=_("Kind"), required=False, choices=[("", _("All kinds"))] + list(BodyKind.choices))


class BodyForm(StyledFormMixin, forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=BodyKind.choices, initial=BodyKind.COMMITTEE)
    name_th = forms.CharField(label=_("Name (Thai)"), max_length=300)
    name_en = forms.CharField(label=_("Name (English)"), max_length=300, required=False)
    area_code = area_code_field()
    organisation = OrganisationChoiceField(label=_("Organisation"), required=False, queryset=None,
                                           help_text=_("The council, network or centre this body belongs to, if any"))
    parent = forms.ModelChoiceField(label=_("Part of"), required=False, queryset=None,
                             help_text=_("For a working group: the council or committee it reports to"))
    issue_areas = IssueAreaMultipleChoiceField(label=_("Issue areas"), required=False, queryset=None)
    description = forms.CharField(label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    is_active = forms.BooleanField(label=_("Active"), required=False, initial=True)

    def __init__(self, *args, user, instance=None, **kwargs):
        if instance is not None:
            initial = {name: getattr(instance, name) for name in ("kind", "name_th", "name_en", "description",
                                                                  "is_active")}
            initial.update(area_code=instance.area_id, organisation=instance.organisation_id,
                           parent=instance.parent_id, issue_areas=[i.pk for i in instance.issue_areas.all()])
            kwargs.setdefault("initial", initial)
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = _organisations(user)
        parents = _bodies(user)
        if instance is not None:
            parents = parents.exclude(pk=instance.pk)
        self.fields["parent"].queryset = parents
        self.fields["issue_areas"].queryset = issue_area_list(user=user)


class PersonOrOrganisationForm(StyledFormMixin, forms.Form):
    """A form that names a person, an organisation, or a person for an organisation, from the user's areas."""

    form_prefix = ""
    person = PersonChoiceField(label=_("Person"), required=False, queryset=None)
    organisation = OrganisationChoiceField(label=_("Organisation"), required=False, queryset=None)

    def __init__(self, *args, user, **kwargs):
        kwargs.setdefault("prefix", self.form_prefix)
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = _people(user)
        self.fields["organisation"].queryset = _organisations(user)

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("person") and not cleaned.get("organisation"):
            raise forms.ValidationError(_("Choose a person or an organisation."))
        return cleaned


class MembershipTermsForm(StyledFormMixin, forms.Form):
    """A membership's terms: what the member's form asks besides who, and all that correcting one changes."""

    role = forms.ChoiceField(label=_("Role"), choices=MEMBERSHIP_ROLES, initial="member")
    title = forms.CharField(label=_("Position title"), max_length=200, required=False)
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
            self.add_error("ended_on", _("The membership ends after it starts."))
        return cleaned


class MembershipForm(PersonOrOrganisationForm, MembershipTermsForm):
    form_prefix = "member"
    field_order = ["person", "organisation", "role", "title", "started_on", "ended_on"]
    organisation = OrganisationChoiceField(label=_("Organisation"), required=False, queryset=None,
                                           help_text=_("A person, an organisation, or a person for an organisation"))


# ---- meetings -----------------------------------------------------------------------------------------------


class MeetingFilterForm(StyledFormMixin, forms.Form):
    body = forms.ModelChoiceField(label=_("Body"), required=False, queryset=None, empty_label=_("All bodies"))
    year = ThaiIntegerField(label=_("Year (BE)"), required=False, min_value=2400, max_value=2800)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["body"].queryset = _bodies(user)


class MeetingForm(StyledFormMixin, forms.Form):
    body = forms.ModelChoiceField(label=_("Body"), queryset=None)
    held_on = BEDateField(label=_("Date"))
    number = ThaiIntegerField(
        label=_("Number"), required=False, min_value=1,
        help_text=_("Proposed automatically as the next number of the body in the year of the meeting; "
                    "you may change it. Left empty, the next number is used."))
    title = forms.CharField(label=_("Title"), max_length=300, required=False)
    starts_at = forms.TimeField(label=_("Starts at"), required=False,
                                widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"))
    ends_at = forms.TimeField(label=_("Ends at"), required=False,
                              widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"))
    venue = forms.CharField(label=_("Venue"), max_length=300, required=False)
    chair = PersonChoiceField(label=_("Chair"), required=False, queryset=None)
    chair_title = forms.CharField(label=_("Chair's position"), max_length=200, required=False,
                                  help_text=_("E.g. รองผู้ว่าราชการจังหวัดเชียงราย"))
    status = forms.ChoiceField(label=_("Status"), choices=MeetingStatus.choices, initial=MeetingStatus.PLANNED)
    head_count = ThaiIntegerField(label=_("Participants"), required=False, min_value=0,
                                  help_text=_("The number of participants, when only a number is known "
                                              "(Thai digits are fine: ๕๐)"))

    def __init__(self, *args, user, instance=None, **kwargs):
        if instance is not None:
            initial = {name: getattr(instance, name) for name in (
                "held_on", "number", "title", "starts_at", "ends_at", "venue", "chair_title", "status",
                "head_count")}
            initial.update(body=instance.body_id, chair=instance.chair_id)
            kwargs.setdefault("initial", initial)
        super().__init__(*args, **kwargs)
        self.fields["body"].queryset = _writable_bodies(user)
        self.fields["chair"].queryset = _people(user)
        if instance is not None:
            # A meeting stays with its body; moving it would renumber another body's year.
            del self.fields["body"]


class AgendaItemForm(StyledFormMixin, forms.Form):
    title = forms.CharField(label=_("Agenda item"), max_length=300)
    description = forms.CharField(label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
    working_group = forms.ModelChoiceField(label=_("Reporting working group"), required=False, queryset=None)
    report = forms.CharField(label=_("Report"), required=False, widget=forms.Textarea(attrs={"rows": 3}),
                             help_text=_("What the working group reported: work done, figures, problems, requests"))

    def __init__(self, *args, user, meeting, **kwargs):
        kwargs.setdefault("prefix", "agenda")
        super().__init__(*args, **kwargs)
        groups = _bodies(user)
        self.fields["working_group"].queryset = groups.filter(parent=meeting.body) | groups.filter(
            kind=BodyKind.WORKING_GROUP)


class AgendaItemEditForm(AgendaItemForm):
    """Correcting an agenda item: its fields and its place in the agenda."""

    order = ThaiIntegerField(label=_("Order"), min_value=1,
                             help_text=_("Its place in the agenda; the other items move to make room"))
    field_order = ["order", "title", "description", "working_group", "report"]

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("prefix", None)
        super().__init__(*args, **kwargs)


class InvitationAnswerForm(StyledFormMixin, forms.Form):
    """An invitation's answer and the day it was sent: what correcting one changes."""

    sent_on = BEDateField(label=_("Sent on"), required=False)
    response = forms.ChoiceField(label=_("Response"), choices=InvitationResponse.choices,
                                 initial=InvitationResponse.PENDING)


class InvitationForm(PersonOrOrganisationForm, InvitationAnswerForm):
    form_prefix = "invitation"
    field_order = ["person", "organisation", "sent_on", "response"]


class AttendanceRoleForm(StyledFormMixin, forms.Form):
    """The role someone had at the meeting: what correcting an attendance line changes."""

    role = forms.CharField(label=_("Role at the meeting"), max_length=200, required=False)


class AttendanceForm(PersonOrOrganisationForm, AttendanceRoleForm):
    form_prefix = "attendance"
    field_order = ["person", "organisation", "role"]
    organisation = OrganisationChoiceField(label=_("Organisation"), required=False, queryset=None,
                                           help_text=_("Someone who is not a member is recorded as a guest."))


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


def _outcome_field():
    return forms.CharField(label=_("Outcome"), required=False, widget=forms.Textarea(attrs={"rows": 3}))


class ActionItemForm(StyledFormMixin, forms.Form):
    title = forms.CharField(label=_("What is to be done"), max_length=300)
    owner_organisation = OrganisationChoiceField(label=_("Owner organisation"), required=False, queryset=None)
    owner_person = PersonChoiceField(label=_("Owner person"), required=False, queryset=None)
    due_on = BEDateField(label=_("Due on"))
    recurrence_months = ThaiIntegerField(
        label=_("Repeats every (months)"), required=False, min_value=1, max_value=MAX_RECURRENCE_MONTHS,
        help_text=_("E.g. 3 for a report every quarter; empty if it does not repeat"))
    recurrence_until = BEDateField(label=_("Repeats until"), required=False,
                                   help_text=_("Empty: repeats until the series is cancelled"))
    description = forms.CharField(label=_("Details"), required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner_organisation"].queryset = _organisations(user)
        self.fields["owner_person"].queryset = _people(user)


class ActionItemEditForm(ActionItemForm):
    """Correcting an action item: the fields of the item, and its outcome. Its status has its own form, and a
    series keeps the repeat it was created with."""

    outcome = _outcome_field()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        del self.fields["recurrence_months"], self.fields["recurrence_until"]


class ActionFilterForm(StyledFormMixin, forms.Form):
    STATES = [("open", _("Open")), ("overdue", _("Overdue")), ("done", _("Done")), ("cancelled", _("Cancelled")),
              ("all", _("All"))]
    state = forms.ChoiceField(label=_("Status"), required=False, choices=STATES)
    owner = OrganisationChoiceField(label=_("Owner organisation"), required=False, queryset=None,
                                    empty_label=_("All owners"))
    body = forms.ModelChoiceField(label=_("Body"), required=False, queryset=None, empty_label=_("All bodies"))

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = _organisations(user)
        self.fields["body"].queryset = _bodies(user)


class ActionStatusForm(StyledFormMixin, forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=ActionStatus.choices)
    done_on = BEDateField(label=_("Done on"), required=False, help_text=_("Left empty when done: today"))
    outcome = _outcome_field()


class AttachmentForm(StyledFormMixin, forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200, required=False,
                            help_text=_("Left empty, the file name is used"))
    file = forms.FileField(label=_("File"), help_text=_("Up to %(size)s") % {
        "size": filesizeformat(ATTACHMENT_MAX_BYTES)})

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("prefix", "attachment")
        super().__init__(*args, **kwargs)

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > ATTACHMENT_MAX_BYTES:
            raise forms.ValidationError(_("The file is larger than %(size)s.") % {
                "size": filesizeformat(ATTACHMENT_MAX_BYTES)})
        return upload


# ---- letters ------------------------------------------------------------------------------------------------


class LetterFilterForm(StyledFormMixin, forms.Form):
    direction = forms.ChoiceField(label=_("Direction"), required=False,
                                  choices=[("", _("Outgoing and incoming"))] + list(LetterDirection.choices))
    status = forms.ChoiceField(label=_("Status"), required=False,
                               choices=[("", _("All statuses"))] + list(LetterStatus.choices))
    awaiting = forms.BooleanField(label=_("Awaiting an answer"), required=False)


class LetterForm(StyledFormMixin, forms.Form):
    body = forms.ModelChoiceField(label=_("Body"), queryset=None, help_text=_("The body on whose behalf it is written"))
    direction = forms.ChoiceField(label=_("Direction"), choices=LetterDirection.choices)
    number = forms.CharField(label=_("Letter number"), max_length=60, required=False,
                             help_text=_("E.g. ชร 0020/123"))
    dated_on = BEDateField(label=_("Dated"))
    subject = forms.CharField(label=_("Subject"), max_length=300)
    counterpart = OrganisationChoiceField(label=_("To / from"), queryset=None)
    via = OrganisationChoiceField(label=_("Sent through"), required=False, queryset=None)
    status = forms.ChoiceField(label=_("Status"), choices=LetterStatus.choices, initial=LetterStatus.DRAFT,
                               help_text=_("An incoming letter is recorded as received; an incoming answer marks "
                                           "the letter it answers as answered."))
    answer_due_on = BEDateField(label=_("Answer due on"), required=False)
    in_reply_to = forms.ModelChoiceField(label=_("In reply to"), required=False, queryset=None)
    meeting = forms.ModelChoiceField(label=_("Meeting"), required=False, queryset=None)
    action_item = forms.ModelChoiceField(label=_("Action item"), required=False, queryset=None)
    summary = forms.CharField(label=_("Summary"), required=False, widget=forms.Textarea(attrs={"rows": 3}))

    FIELDS = ("direction", "number", "dated_on", "subject", "counterpart", "via", "status", "answer_due_on",
              "in_reply_to", "meeting", "action_item", "summary")

    def __init__(self, *args, user, instance=None, **kwargs):
        if instance is not None:
            initial = {name: getattr(instance, name) for name in self.FIELDS}
            initial["body"] = instance.body_id
            kwargs.setdefault("initial", initial)
        super().__init__(*args, **kwargs)
        self.fields["body"].queryset = _writable_bodies(user)
        self.fields["counterpart"].queryset = _organisations(user)
        self.fields["via"].queryset = _organisations(user)
        letters = letter_list(user=user).select_related(None)
        if instance is not None:
            letters = letters.exclude(pk=instance.pk)
            del self.fields["body"]
        self.fields["in_reply_to"].queryset = letters
        self.fields["meeting"].queryset = meeting_list(user=user).select_related("body")
        self.fields["action_item"].queryset = action_item_list(user=user).select_related(None)
