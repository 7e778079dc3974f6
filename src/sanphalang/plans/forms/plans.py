"""Forms of plans and their main works: BE years and dates, Thai digits, the user's meetings and issue areas."""

from django import forms
from django.utils.translation import gettext_lazy as _

from sanphalang.areas.selectors import region_list
from sanphalang.directory.forms import IssueAreaMultipleChoiceField, area_code_field
from sanphalang.directory.selectors import issue_area_list
from sanphalang.meetings.selectors.meetings import meeting_list
from sanphalang.thai.forms import BEDateField, ThaiIntegerField
from sanphalang.web.forms import StyledFormMixin

from ..models import NationalStrategy, PlanStatus
from ..periods import PeriodKind, YearKind


def year_field(**kwargs) -> ThaiIntegerField:
    return ThaiIntegerField(label=_("Year (BE)"), min_value=2500, max_value=2700, **kwargs)


class PlanFilterForm(StyledFormMixin, forms.Form):
    year = year_field(required=False)
    area = forms.CharField(
        label=_("Area code"),
        required=False,
        max_length=10,
        help_text=_("A province, district or subdistrict code: its plans and those of the areas below it"),
    )


class PlanForm(StyledFormMixin, forms.Form):
    title = forms.CharField(
        label=_("Name of the plan"), max_length=300, help_text=_("E.g. วาระคนพะเยา ปี 2565")
    )
    area_code = area_code_field()
    region_slug = forms.ChoiceField(
        label=_("Or a region"),
        required=False,
        help_text=_("A plan of several provinces together: leave the area code empty"),
    )
    year_kind = forms.ChoiceField(label=_("Kind of year"), choices=YearKind.choices, initial=YearKind.FISCAL)
    year_be = year_field()
    period_kind = forms.ChoiceField(
        label=_("Progress is reported per"), choices=PeriodKind.choices, initial=PeriodKind.QUARTER
    )
    vision = forms.CharField(label=_("Vision"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
    summary = forms.CharField(label=_("Summary"), required=False, widget=forms.Textarea(attrs={"rows": 4}))
    status = forms.ChoiceField(label=_("Status"), choices=PlanStatus.choices, initial=PlanStatus.DRAFT)
    adopted_on = BEDateField(label=_("Adopted on"), required=False)
    meeting = forms.ModelChoiceField(
        label=_("Meeting or forum"), required=False, queryset=None, help_text=_("Where the plan was adopted")
    )
    issue_area_ids = IssueAreaMultipleChoiceField(label=_("Issue areas"), required=False, queryset=None)

    def __init__(self, *args, user, instance=None, **kwargs):
        if instance is not None:
            initial = {
                name: getattr(instance, name)
                for name in ("title", "year_kind", "year_be", "period_kind", "vision", "summary", "status")
            }
            initial.update(
                adopted_on=instance.adopted_on,
                area_code=instance.area_id or "",
                region_slug=instance.region.slug if instance.region_id else "",
                meeting=instance.meeting_id,
                issue_area_ids=[issue.pk for issue in instance.issue_areas.all()],
            )
            kwargs.setdefault("initial", initial)
        super().__init__(*args, **kwargs)
        self.fields["area_code"].required = False
        self.fields["region_slug"].choices = [("", "—")] + [
            (region.slug, str(region)) for region in region_list()
        ]
        self.fields["meeting"].queryset = meeting_list(user=user).select_related("body").order_by("-held_on")
        self.fields["issue_area_ids"].queryset = issue_area_list(user=user)

    def clean(self):
        cleaned = super().clean()
        for name in ("area_code", "region_slug"):
            if not cleaned.get(name):
                cleaned[name] = None
        return cleaned


class MainWorkForm(StyledFormMixin, forms.Form):
    number = ThaiIntegerField(
        label=_("Number"), required=False, min_value=1, help_text=_("Left empty, it comes after the last one")
    )
    title = forms.CharField(label=_("Name of the main work"), max_length=300)
    description = forms.CharField(
        label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    issue_area_ids = IssueAreaMultipleChoiceField(label=_("Issue areas"), required=False, queryset=None)
    strategy_ids = forms.ModelMultipleChoiceField(
        label=_("National strategies"),
        required=False,
        queryset=NationalStrategy.objects.all(),
        help_text=_("The strategies of the national 20-year strategy this work serves"),
    )

    def __init__(self, *args, user, instance=None, **kwargs):
        if instance is not None:
            kwargs.setdefault(
                "initial",
                {
                    "number": instance.number,
                    "title": instance.title,
                    "description": instance.description,
                    "issue_area_ids": [issue.pk for issue in instance.issue_areas.all()],
                    "strategy_ids": [strategy.pk for strategy in instance.strategies.all()],
                },
            )
        super().__init__(*args, **kwargs)
        self.fields["issue_area_ids"].queryset = issue_area_list(user=user)
