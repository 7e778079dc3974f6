"""The boundary import's forms: upload a file, confirm its import, remove a level's outlines."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from sanphalang.web.forms import StyledFormMixin

from ..errors import BoundaryError
from ..services.boundaries import LEVELS


class BoundaryUploadForm(StyledFormMixin, forms.Form):
    file = forms.FileField(
        label=_("Boundary file"),
        help_text=_(
            "A GeoJSON file, or a zipped Shapefile (.shp, .shx, .dbf and .prj), in WGS 84 longitude and "
            "latitude, with the official area codes in a field."
        ),
        widget=forms.ClearableFileInput(
            attrs={"accept": ".geojson,.json,.zip,application/geo+json,application/zip"}
        ),
    )
    code_field = forms.CharField(
        label=_("Field holding the area codes"),
        required=False,
        max_length=60,
        help_text=_(
            "Leave empty to find it by its name (ADM1_PCODE, ADM2_PCODE, ADM3_PCODE, PROV_CODE, code…)."
        ),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > settings.BOUNDARY_MAX_UPLOAD_BYTES:
            raise forms.ValidationError(
                BoundaryError.TOO_LARGE.message(
                    size=f"{settings.BOUNDARY_MAX_UPLOAD_BYTES / (1024 * 1024):g}"
                )
            )
        return upload


class BoundaryConfirmForm(StyledFormMixin, forms.Form):
    skip_bad = forms.BooleanField(
        label=_("Skip the outlines with errors and import the others"), required=False
    )


class BoundaryRemoveForm(forms.Form):
    level = forms.ChoiceField(choices=[(level.value, level.label) for level in LEVELS])
