"""The worklist's filters: a district and a source found by typing, the field and the kind of open field."""

from django import forms
from django.utils.translation import gettext_lazy as _

from sanphalang.web.forms import StyledFormMixin

from ..linkage.records import FIELD_LABELS
from ..models import SETTLE_FIELDS, DisagreementKind
from ..selectors.registry import district_choices, source_search
from .registry import DistrictChoiceField, SourceChoiceField


class WorklistFilterForm(StyledFormMixin, forms.Form):
    district = DistrictChoiceField(label=_("District"), queryset=None, required=False)
    field = forms.ChoiceField(
        label=_("Field"),
        required=False,
        choices=[("", _("All fields"))] + [(name, FIELD_LABELS[name]) for name in SETTLE_FIELDS],
    )
    source = SourceChoiceField(label=_("Source"), queryset=None, required=False)
    kind = forms.ChoiceField(
        label=_("Kind"), required=False, choices=[("", _("Both kinds")), *DisagreementKind.choices]
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["district"].queryset = district_choices(user=user)
        self.fields["source"].queryset = source_search(user=user)
