"""Forms of targets (indicators) and of their split over areas: one number per area, Thai digits accepted."""

from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from sanphalang.thai.forms import ThaiDecimalField, ThaiIntegerField
from sanphalang.web.areas import area_label
from sanphalang.web.forms import StyledFormMixin

from ..errors import PlanError
from ..models import CountedBy, Measure, Unit

INDICATOR_INITIAL = (
    "external_id",
    "name",
    "unit",
    "unit_label",
    "accumulates",
    "baseline",
    "target",
    "counted_by",
    "order",
)


class IndicatorForm(StyledFormMixin, forms.Form):
    name = forms.CharField(label=_("Indicator"), max_length=300)
    external_id = forms.CharField(
        label=_("External id"),
        max_length=60,
        required=False,
        help_text=_("The target's code in the spreadsheet or system it comes from; a re-import updates it"),
    )
    project = forms.ModelChoiceField(label=_("Project"), required=False, queryset=None)
    main_work = forms.ModelChoiceField(label=_("Main work"), required=False, queryset=None)
    measure = forms.ModelChoiceField(
        label=_("Common measure"),
        required=False,
        queryset=Measure.objects.order_by("slug"),
        help_text=_("The figure many plans track alike; provinces and years compare on it"),
    )
    unit = forms.ChoiceField(label=_("Unit"), choices=Unit.choices, initial=Unit.HOUSEHOLDS)
    unit_label = forms.CharField(
        label=_("Name of the unit"),
        max_length=60,
        required=False,
        help_text=_("For another unit: what is counted"),
    )
    baseline = ThaiDecimalField(label=_("Baseline"), required=False, max_digits=16, decimal_places=2)
    target = ThaiDecimalField(label=_("Target"), max_digits=16, decimal_places=2)
    accumulates = forms.BooleanField(
        label=_("Entries add up over the year"),
        required=False,
        initial=True,
        help_text=_(
            "Ticked: each period's entry is what was done in it, and the year's progress is their sum. Not "
            "ticked: each entry is the standing at the end of its period, and the latest one counts."
        ),
    )
    counted_by = forms.ChoiceField(
        label=_("Progress comes from"), choices=CountedBy.choices, required=False, initial=CountedBy.TYPED
    )
    order = ThaiIntegerField(label=_("Order"), required=False, min_value=0, max_value=32767, initial=0)

    def __init__(self, *args, plan, projects, instance=None, **kwargs):
        if instance is not None:
            initial = {name: getattr(instance, name) for name in INDICATOR_INITIAL}
            initial.update(
                project=instance.project_id, main_work=instance.main_work_id, measure=instance.measure_id
            )
            kwargs["initial"] = {**initial, **(kwargs.get("initial") or {})}
        super().__init__(*args, **kwargs)
        self.fields["project"].queryset = projects
        self.fields["main_work"].queryset = plan.main_works.order_by("number")

    def clean_order(self):
        return self.cleaned_data.get("order") or 0

    def clean(self):
        cleaned = super().clean()
        target = cleaned.get("target")
        if target is not None and target <= 0:
            self.add_error("target", PlanError.TARGET_NOT_POSITIVE.message())
        elif target is not None and cleaned.get("unit") == Unit.PERCENT and target > 100:
            self.add_error("target", PlanError.PERCENT_ABOVE_100.message())
        return cleaned


def split_field_name(code: str) -> str:
    return f"split_{code}"


class SplitForm(StyledFormMixin, forms.Form):
    """The split editor: one number per area (the plan's districts, or a region's provinces), prefilled with the
    parts saved; an empty box is an area with no part."""

    def __init__(self, *args, areas, splits: dict[str, Decimal], **kwargs):
        super().__init__(*args, **kwargs)
        self.areas = list(areas)
        for area in self.areas:
            name = split_field_name(area.code)
            self.fields[name] = ThaiDecimalField(
                label=area_label(area), required=False, max_digits=16, decimal_places=2, min_value=0
            )
            if area.code in splits:
                self.initial.setdefault(name, splits[area.code])

    def split_fields(self):
        return [self[split_field_name(area.code)] for area in self.areas]

    def splits(self) -> dict[str, Decimal | None]:
        return {area.code: self.cleaned_data.get(split_field_name(area.code)) for area in self.areas}
