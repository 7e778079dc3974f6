"""The form that gives reports to be read: pasted text and any number of files, for one of the user's areas."""

from django import forms
from django.utils.translation import gettext_lazy as _

from sanphalang.web.forms import StyledFormMixin

from ..services.documents import MAX_FILES


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files from one input (Django's documented way): a list of uploads, possibly empty."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault(
            "widget", MultipleFileInput(attrs={"accept": ".txt,.docx,.pdf,text/plain,application/pdf"})
        )
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        if isinstance(data, (list, tuple)):
            return [super(MultipleFileField, self).clean(item, initial) for item in data if item]
        return [super().clean(data, initial)] if data else []


class GiveForm(StyledFormMixin, forms.Form):
    area = forms.ChoiceField(
        label=_("Area of the reports"),
        help_text=_("Who sees and reviews the reports: the coordinators of this area and above."),
    )
    text = forms.CharField(
        label=_("Paste a report"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text=_("A meeting report, a LINE post or a news item, as it is written."),
    )
    files = MultipleFileField(
        label=_("Or choose files"),
        required=False,
    )

    def __init__(self, *args, area_choices, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["area"].choices = area_choices
        self.fields["files"].help_text = _(
            "Text (.txt), Word (.docx) or PDF files with a text layer; up to %(count)s at once."
        ) % {"count": MAX_FILES}
        if area_choices:
            self.fields["area"].initial = area_choices[0][0]
