"""The form of the review queue: the fund an officer merges a record into."""

from django import forms
from django.utils.translation import gettext_lazy as _

from sanphalang.web.forms import StyledFormMixin


class MergeForm(StyledFormMixin, forms.Form):
    fund = forms.IntegerField(label=_("Fund number to merge into"))
