"""The form of the settle step on a fund's page: which value of a disagreeing field, and why."""

from django import forms
from django.utils.translation import gettext_lazy as _

from sanphalang.web.forms import StyledFormMixin

from ..linkage.records import FIELD_LABELS
from ..models import SETTLE_FIELDS


class SettleForm(StyledFormMixin, forms.Form):
    field = forms.ChoiceField(
        choices=[(name, FIELD_LABELS[name]) for name in SETTLE_FIELDS], widget=forms.HiddenInput
    )
    from_record = forms.IntegerField(required=False, label=_("Take the value of"))
    value = forms.CharField(label=_("Or type the value"), required=False, max_length=300)
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 2}))
