"""The forms of the import pages: choose what and upload, then confirm."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from sanphalang.web.forms import StyledFormMixin

from .models import ImportEntity
from .tabular import too_large_message


def _importable() -> list[tuple[str, str]]:
    # Fund sources have their own page, with a column-mapping step; the rest go through the importers here.
    from .importers import IMPORTERS

    return [(value, label) for value, label in ImportEntity.choices if value in IMPORTERS]


class UploadForm(StyledFormMixin, forms.Form):
    entity = forms.ChoiceField(label=_("What do you import?"), choices=_importable)
    file = forms.FileField(
        label=_("File"),
        help_text=_("An Excel workbook (.xlsx) or a CSV file, with headings in the first row."),
        widget=forms.ClearableFileInput(
            attrs={
                "accept": ".xlsx,.csv,text/csv,application/vnd.openxmlformats-"
                "officedocument.spreadsheetml.sheet"
            }
        ),
    )
    meeting = forms.IntegerField(
        label=_("Meeting"),
        required=False,
        min_value=1,
        help_text=_(
            "For agenda items and attendance: the meeting's id, as in the address of its page "
            "(/meetings/123/)."
        ),
    )

    plan = forms.TypedChoiceField(
        label=_("Plan"),
        required=False,
        coerce=int,
        empty_value=None,
        help_text=_("For a plan's projects, targets and progress: the plan they belong to."),
    )

    def __init__(self, *args, plans=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["plan"].choices = [("", "—"), *plans]

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > settings.IMPORT_MAX_UPLOAD_BYTES:
            raise forms.ValidationError(too_large_message())
        return upload


class ConfirmForm(StyledFormMixin, forms.Form):
    skip_bad_rows = forms.BooleanField(
        label=_("Skip the rows with errors and import the others"), required=False
    )
