"""Forms of progress: an area's entry for a period with its evidence, returning an entry, reopening a period."""

from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from sanphalang.thai.forms import ThaiDecimalField
from sanphalang.web.forms import StyledFormMixin

from ..periods import periods_of

EVIDENCE_MAX_BYTES = getattr(settings, "PLANS_EVIDENCE_MAX_BYTES", 10 * 1024 * 1024)


class EntryForm(StyledFormMixin, forms.Form):
    area = forms.ChoiceField(label=_("Area"))
    period = forms.ChoiceField(label=pgettext_lazy("progress period", "Period"))
    value = ThaiDecimalField(
        label=pgettext_lazy("target", "Progress"), min_value=0, max_digits=16, decimal_places=2
    )
    denominator = ThaiDecimalField(
        label=_("Out of"),
        required=False,
        min_value=0,
        max_digits=16,
        decimal_places=2,
        help_text=_("For a percentage: how many there are in all (30 villages out of 40)"),
    )
    note = forms.CharField(label=_("What was done"), widget=forms.Textarea(attrs={"rows": 3}), required=False)
    evidence_file = forms.FileField(
        label=_("Evidence file"),
        required=False,
        help_text=_("A photo, a list or a report, up to %(size)s")
        % {"size": filesizeformat(EVIDENCE_MAX_BYTES)},
    )
    evidence_meeting = forms.TypedChoiceField(
        label=_("Evidence meeting"), required=False, coerce=int, empty_value=None
    )
    evidence_link = forms.CharField(
        label=_("Evidence record"),
        required=False,
        max_length=300,
        help_text=_("The address of a record in Sanphalang or elsewhere that shows the work"),
    )

    def __init__(self, *args, indicator, areas, meetings, entry=None, **kwargs):
        super().__init__(*args, **kwargs)
        plan = indicator.plan
        self.fields["area"].choices = areas
        self.fields["period"].choices = [
            (p.key, f"{p.label} ({p.span})")
            for p in periods_of(plan.period_kind, plan.year_kind, plan.year_be)
        ]
        self.fields["evidence_meeting"].choices = [("", "—"), *meetings]
        if entry is not None:
            # The area and the period name the entry; a correction changes what was reported, not where or when.
            for name in ("area", "period"):
                self.fields[name].disabled = True
            self.initial.update(
                area=entry.area_id,
                period=entry.period_start.isoformat(),
                value=entry.value,
                denominator=entry.denominator,
                note=entry.note,
                evidence_meeting=entry.evidence_meeting_id,
                evidence_link=entry.evidence_link,
            )
        if not indicator.is_percent:
            del self.fields["denominator"]
        else:
            self.fields["value"].label = _("How many")
            self.fields["denominator"].required = True

    def clean_evidence_file(self):
        upload = self.cleaned_data.get("evidence_file")
        if upload and upload.size > EVIDENCE_MAX_BYTES:
            raise forms.ValidationError(
                _("The file is larger than %(size)s.") % {"size": filesizeformat(EVIDENCE_MAX_BYTES)}
            )
        return upload


class ReasonForm(StyledFormMixin, forms.Form):
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 2}), max_length=2000)
