"""Search-as-you-type pickers for long lists (organisations, people), on django-autocomplete-light's web component.

The page no longer lists every record: the field's <select> keeps its name and id, so the form submits and
validates exactly as before against the field's queryset (the user's visible records), but it holds only the
chosen records. The others are fetched as the user types from an endpoint built on ScopedSearchView, which asks
the app's selectors, so it finds only what the user's areas allow.

The field's label, help, error and required state belong to the search box, the control a keyboard or
screen-reader user reaches; the select is hidden from them (static/sanphalang/picker.js adds the keyboard help
the component lacks). base.html loads the component's script and style on every page.
"""

from dal_alight.views import AlightQuerySetView
from dal_alight.widgets import ModelAlight, ModelAlightMultiple
from django import forms
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import ValidationError
from django.forms.utils import flatatt
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

# The attributes that StyledFormMixin and Django put on the field's widget to tie its help and error to it.
SEARCH_BOX_ARIA = ("aria-describedby", "aria-invalid")
SEARCH_LIMIT = 20  # suggestions per query: the user types more to narrow them
QUERY_MAX_LENGTH = 100


class PickerMixin:
    """dal_alight's widget: the chosen records in the select, the others fetched from `url` as the user types."""

    @property
    def media(self):
        # base.html loads the component on every page; a second copy would define its elements twice.
        return forms.Media()

    def id_for_label(self, id_):
        return f"{id_}_search" if id_ else id_

    def use_required_attribute(self, initial):
        # The browser cannot point at a hidden select; the server names a missing choice at its field.
        return False

    def filter_choices_to_render(self, selected_choices):
        """Only the chosen records; none (rather than dal's fallback, all) when the submitted value is not an id."""
        queryset = self.choices.queryset
        if not any(selected_choices):
            self.choices.queryset = queryset.none()  # nothing chosen: nothing to read
            return
        try:
            self.choices.queryset = queryset.filter(pk__in=selected_choices)
        except (ValueError, TypeError, ValidationError):
            self.choices.queryset = queryset.none()

    def optgroups(self, name, value, attrs=None):
        # The field's empty choice would be shown as chosen: nothing chosen is an empty select, built without
        # walking the field's choices (a filter form's pickers are empty on most page views).
        if not any(value):
            return []
        return [
            (group, [option for option in options if option["value"] != ""], index)
            for group, options, index in super().optgroups(name, value, attrs)
        ]

    def render(self, name, value, attrs=None, renderer=None):
        # The component's markup as dal_alight writes it, but with a search box a label can point at (dal_alight
        # gives it no id), Bootstrap's look, the field's help, error and required state, and translated texts.
        attrs = self.build_attrs(self.attrs, attrs)
        select_attrs = {**attrs, "slot": "select", "tabindex": "-1", "aria-hidden": "true"}
        select = forms.Widget.render(self, name, value, select_attrs, renderer)
        search_attrs = {
            "type": "text",
            "id": self.id_for_label(attrs.get("id")),
            "slot": "input",
            "role": "combobox",
            "autocomplete": "off",
            "placeholder": _("Type part of the name to search"),
            "class": "form-control is-invalid" if "is-invalid" in attrs.get("class", "") else "form-control",
        }
        if self.is_required:
            search_attrs["aria-required"] = "true"
        search_attrs.update({key: attrs[key] for key in SEARCH_BOX_ARIA if key in attrs})
        return format_html(
            '<autocomplete-select data-remove-label="{}">{}<div slot="deck"></div>'
            '<autocomplete-select-input slot="input" url="{}" no-results-text="{}"><input{}>'
            "</autocomplete-select-input></autocomplete-select>",
            _("Remove"),
            select,
            self.url,
            _("Nothing found"),
            flatatt(search_attrs),
        )


class Picker(PickerMixin, ModelAlight):
    """One record, found by typing."""


class MultiPicker(PickerMixin, ModelAlightMultiple):
    """Several records, found by typing."""


class PickerFieldMixin:
    """A model choice field shown as a picker that asks `search_url` (a URL name or path) for suggestions.

    The field's queryset still decides what is valid, so an id from outside it is refused at the field."""

    search_url: str

    def __init__(self, *args, search_url=None, **kwargs):
        picker = MultiPicker if self.widget.allow_multiple_selected else Picker
        kwargs.setdefault("widget", picker(url=self.search_url if search_url is None else search_url))
        super().__init__(*args, **kwargs)


class ScopedSearchView(LoginRequiredMixin, AlightQuerySetView):
    """The endpoint behind a picker: at most SEARCH_LIMIT records of `visible_matches`, as the component's
    HTML fragments. Logged-in users only; an anonymous request is refused rather than sent to the login page,
    which the component would show as suggestions."""

    raise_exception = True
    http_method_names = ["get"]
    http_method_allowed = ("GET",)
    paginate_by = None

    def visible_matches(self, query: str):
        """The records the user may see that match what they typed, in the order to suggest them."""
        raise NotImplementedError

    def get_queryset(self):
        return self.visible_matches(self.q.strip()[:QUERY_MAX_LENGTH])[:SEARCH_LIMIT]
