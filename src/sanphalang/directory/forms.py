"""Forms of the directory pages: they read and check input; the services decide and write."""

from django import forms
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from sanphalang.thai.forms import BEDateField, NationalIdField
from sanphalang.web.forms import StyledFormMixin
from sanphalang.web.pickers import PickerFieldMixin

from .models import LegalBasis, OrganisationKind, PositionRole
from .selectors import issue_area_list, issue_area_province_choices, organisation_list


def organisation_label(org) -> str:
    """How an organisation is named in a picker and its suggestions: the name, and the area to tell namesakes apart."""
    return f"{org} ({org.area})"


class OrganisationPickerMixin(PickerFieldMixin):
    """Organisations found by typing (directory/autocomplete.py). Pass search_url=organisation_search_url(kind)
    to suggest one kind only."""

    search_url = "directory:organisation_autocomplete"

    def label_from_instance(self, obj):
        return organisation_label(obj)


class OrganisationChoiceField(OrganisationPickerMixin, forms.ModelChoiceField):
    pass


class OrganisationMultipleChoiceField(OrganisationPickerMixin, forms.ModelMultipleChoiceField):
    pass


class PersonPickerMixin(PickerFieldMixin):
    """People found by typing, named only by their names (directory/autocomplete.py)."""

    search_url = "directory:person_autocomplete"


class PersonChoiceField(PersonPickerMixin, forms.ModelChoiceField):
    pass


class PersonMultipleChoiceField(PersonPickerMixin, forms.ModelMultipleChoiceField):
    pass


def organisation_search_url(kind: str) -> str:
    return reverse_lazy("directory:organisation_autocomplete_kind", kwargs={"kind": kind})


class IssueAreaMultipleChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return str(obj) if obj.province_id is None else f"{obj} ({obj.province})"


def area_code_field() -> forms.CharField:
    # The service checks the code exists and lies in the user's areas; the datalist only helps to find it.
    return forms.CharField(
        label=_("Area code"),
        max_length=10,
        help_text=_(
            "Official code of the province, district or subdistrict, e.g. 57, 5701 or 570101. "
            "Type a name to search."
        ),
        widget=forms.TextInput(attrs={"list": "area-options", "autocomplete": "off"}),
    )


class OrganisationFilterForm(StyledFormMixin, forms.Form):
    q = forms.CharField(label=_("Search"), required=False)
    kind = forms.ChoiceField(
        label=_("Kind"), required=False, choices=[("", _("All kinds"))] + list(OrganisationKind.choices)
    )
    issue = forms.ChoiceField(label=_("Issue area"), required=False)
    within = forms.CharField(label=_("Area code"), required=False, max_length=10)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["issue"].choices = [("", _("All issue areas"))] + [
            (str(issue.pk), str(issue)) for issue in issue_area_list(user=user)
        ]


class PersonFilterForm(StyledFormMixin, forms.Form):
    q = forms.CharField(label=_("Search"), required=False)
    organisation = OrganisationChoiceField(
        label=_("Organisation"), required=False, queryset=None, empty_label=_("All organisations")
    )
    within = forms.CharField(label=_("Area code"), required=False, max_length=10)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisation_list(user=user).prefetch_related(None)


class OrganisationForm(StyledFormMixin, forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=OrganisationKind.choices)
    name_th = forms.CharField(label=_("Name (Thai)"), max_length=300)
    name_en = forms.CharField(label=_("Name (English)"), max_length=300, required=False)
    abbreviation = forms.CharField(
        label=_("Abbreviation"), max_length=60, required=False, help_text=_("For example พมจ. or อบจ.")
    )
    other_names = forms.CharField(
        label=_("Other names"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Other names or abbreviations it goes by, one per line"),
    )
    area_code = area_code_field()
    issue_areas = IssueAreaMultipleChoiceField(label=_("Issue areas"), required=False, queryset=None)
    parent = OrganisationChoiceField(label=_("Parent organisation"), required=False, queryset=None)
    partners = OrganisationMultipleChoiceField(label=_("Partners"), required=False, queryset=None)
    founded_on = BEDateField(label=_("Founded on"), required=False)
    registration_number = forms.CharField(label=_("Registration number"), max_length=60, required=False)
    address = forms.CharField(label=_("Address"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
    phone = forms.CharField(label=_("Phone"), max_length=60, required=False)
    email = forms.EmailField(label=_("E-mail"), required=False)
    website = forms.URLField(label=_("Website"), required=False, assume_scheme="https")
    note = forms.CharField(label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    is_active = forms.BooleanField(label=_("Active"), required=False, initial=True)

    def __init__(self, *args, user, instance=None, **kwargs):
        if instance is not None:
            kwargs.setdefault("initial", organisation_initial(instance))
        super().__init__(*args, **kwargs)
        self.fields["issue_areas"].queryset = issue_area_list(user=user)
        others = organisation_list(user=user).prefetch_related(None)
        if instance is not None:
            others = others.exclude(pk=instance.pk)
        self.fields["parent"].queryset = others
        self.fields["partners"].queryset = others


def organisation_initial(org) -> dict:
    fields = (
        "kind",
        "name_th",
        "name_en",
        "abbreviation",
        "other_names",
        "founded_on",
        "registration_number",
        "address",
        "phone",
        "email",
        "website",
        "note",
        "is_active",
    )
    initial = {name: getattr(org, name) for name in fields}
    initial.update(
        area_code=org.area_id,
        parent=org.parent_id,
        issue_areas=[issue.pk for issue in org.issue_areas.all()],
        partners=[partner.pk for partner in org.partners.all()],
    )
    return initial


class PersonForm(StyledFormMixin, forms.Form):
    title = forms.CharField(
        label=pgettext_lazy("honorific", "Title"),
        max_length=60,
        required=False,
        help_text=_("นาย, นาง, นางสาว, ดร. … may also be typed before the first name"),
    )
    first_name = forms.CharField(label=_("First name"), max_length=120)
    last_name = forms.CharField(label=_("Last name"), max_length=120, required=False)
    name_en = forms.CharField(label=_("Name (English)"), max_length=200, required=False)
    nickname = forms.CharField(label=_("Nickname"), max_length=60, required=False)
    area_code = area_code_field()
    national_id = NationalIdField(
        label=_("National ID"),
        required=False,
        max_length=20,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )
    phone = forms.CharField(label=_("Phone"), max_length=60, required=False)
    email = forms.EmailField(label=_("E-mail"), required=False)
    line_id = forms.CharField(label=_("LINE ID"), max_length=60, required=False)
    address = forms.CharField(label=_("Address"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
    issue_areas = IssueAreaMultipleChoiceField(label=_("Issue areas"), required=False, queryset=None)
    note = forms.CharField(label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    legal_basis = forms.ChoiceField(
        label=_("Legal basis"),
        choices=LegalBasis.choices,
        initial=LegalBasis.CONSENT,
        help_text=_("The lawful basis for keeping this person's data (PDPA)"),
    )
    purpose = forms.CharField(
        label=_("Purpose of processing"),
        max_length=300,
        required=False,
        help_text=_("Why the network keeps this person's data"),
    )
    consent_on = BEDateField(label=_("Consent given on"), required=False)

    def __init__(self, *args, user, instance=None, **kwargs):
        if instance is not None:
            kwargs.setdefault("initial", person_initial(instance))
        super().__init__(*args, **kwargs)
        self.fields["issue_areas"].queryset = issue_area_list(user=user)
        if not user.can_see_sensitive_data:
            # A role that may not see national IDs cannot type one either.
            del self.fields["national_id"]


def person_initial(person) -> dict:
    fields = (
        "title",
        "first_name",
        "last_name",
        "name_en",
        "nickname",
        "national_id",
        "phone",
        "email",
        "line_id",
        "address",
        "note",
        "legal_basis",
        "purpose",
        "consent_on",
    )
    initial = {name: getattr(person, name) for name in fields}
    initial.update(area_code=person.area_id, issue_areas=[issue.pk for issue in person.issue_areas.all()])
    return initial


class PositionForm(StyledFormMixin, forms.Form):
    organisation = OrganisationChoiceField(label=_("Organisation"), queryset=None)
    role = forms.ChoiceField(label=_("Role"), choices=PositionRole.choices, initial=PositionRole.MEMBER)
    title = forms.CharField(
        label=pgettext_lazy("position title", "Position title"),
        max_length=200,
        required=False,
        help_text=_("As the organisation writes it, e.g. รองผู้ว่าราชการจังหวัดเชียงราย"),
    )
    started_on = BEDateField(label=_("From"), required=False)
    ended_on = BEDateField(label=_("Until"), required=False)

    def __init__(self, *args, user, **kwargs):
        kwargs.setdefault("prefix", "position")
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisation_list(user=user).prefetch_related(None)


class PositionEndForm(StyledFormMixin, forms.Form):
    ended_on = BEDateField(label=_("Until"))


class IssueAreaForm(StyledFormMixin, forms.Form):
    province_code = forms.ChoiceField(label=_("Province"), required=False)
    name_th = forms.CharField(label=_("Name (Thai)"), max_length=200)
    name_en = forms.CharField(label=_("Name (English)"), max_length=200, required=False)
    slug = forms.SlugField(
        label=_("Short name"),
        max_length=60,
        required=False,
        allow_unicode=True,
        help_text=_("Left empty, it is made from the name"),
    )
    description = forms.CharField(
        label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    is_active = forms.BooleanField(label=_("In use"), required=False, initial=True)

    def __init__(self, *args, user, instance=None, **kwargs):
        if instance is not None:
            kwargs.setdefault(
                "initial",
                {
                    name: getattr(instance, name)
                    for name in ("name_th", "name_en", "slug", "description", "is_active")
                },
            )
        super().__init__(*args, **kwargs)
        if instance is not None:
            # The list an issue area belongs to is fixed once it exists.
            del self.fields["province_code"]
        else:
            del self.fields["is_active"]
            self.fields["province_code"].choices = issue_area_province_choices(user)
            # Only administrators have the empty choice, the national list.
            self.fields["province_code"].required = not user.is_administrator
