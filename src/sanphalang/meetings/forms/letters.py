"""Forms of letters to and from agencies."""

from django import forms
from django.utils.translation import gettext_lazy as _

from sanphalang.directory.forms import OrganisationChoiceField
from sanphalang.thai.forms import BEDateField
from sanphalang.web.forms import StyledFormMixin

from ..models import LetterDirection, LetterStatus
from ..selectors.action_items import action_item_list
from ..selectors.letters import letter_list
from ..selectors.meetings import meeting_list
from ..services.letters import LETTER_FIELDS
from .choices import changeable_bodies, organisations


class LetterFilterForm(StyledFormMixin, forms.Form):
    direction = forms.ChoiceField(
        label=_("Direction"),
        required=False,
        choices=[("", _("Outgoing and incoming"))] + list(LetterDirection.choices),
    )
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", _("All statuses"))] + list(LetterStatus.choices)
    )
    awaiting = forms.BooleanField(label=_("Awaiting an answer"), required=False)


class LetterForm(StyledFormMixin, forms.Form):
    body = forms.ModelChoiceField(
        label=_("Body"), queryset=None, help_text=_("The body on whose behalf it is written")
    )
    direction = forms.ChoiceField(label=_("Direction"), choices=LetterDirection.choices)
    number = forms.CharField(
        label=_("Letter number"), max_length=60, required=False, help_text=_("E.g. ชร 0020/123")
    )
    dated_on = BEDateField(label=_("Dated"))
    subject = forms.CharField(label=_("Subject"), max_length=300)
    counterpart = OrganisationChoiceField(label=_("To / from"), queryset=None)
    via = OrganisationChoiceField(label=_("Sent through"), required=False, queryset=None)
    status = forms.ChoiceField(
        label=_("Status"),
        choices=LetterStatus.choices,
        initial=LetterStatus.DRAFT,
        help_text=_(
            "An incoming letter is recorded as received; an incoming answer marks "
            "the letter it answers as answered."
        ),
    )
    answer_due_on = BEDateField(label=_("Answer due on"), required=False)
    in_reply_to = forms.ModelChoiceField(label=_("In reply to"), required=False, queryset=None)
    meeting = forms.ModelChoiceField(label=_("Meeting"), required=False, queryset=None)
    action_item = forms.ModelChoiceField(label=_("Action item"), required=False, queryset=None)
    summary = forms.CharField(label=_("Summary"), required=False, widget=forms.Textarea(attrs={"rows": 3}))

    FIELDS = LETTER_FIELDS

    def __init__(self, *args, user, instance=None, **kwargs):
        if instance is not None:
            initial = {name: getattr(instance, name) for name in self.FIELDS}
            initial["body"] = instance.body_id
            kwargs.setdefault("initial", initial)
        super().__init__(*args, **kwargs)
        self.fields["body"].queryset = changeable_bodies(user)
        self.fields["counterpart"].queryset = organisations(user)
        self.fields["via"].queryset = organisations(user)
        letters = letter_list(user=user).select_related(None)
        if instance is not None:
            letters = letters.exclude(pk=instance.pk)
            del self.fields["body"]
        self.fields["in_reply_to"].queryset = letters
        self.fields["meeting"].queryset = meeting_list(user=user).select_related("body")
        self.fields["action_item"].queryset = action_item_list(user=user).select_related(None)
