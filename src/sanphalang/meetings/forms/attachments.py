"""The form that keeps a file with a meeting or a letter, within the size limit."""

from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from sanphalang.web.forms import StyledFormMixin

ATTACHMENT_MAX_BYTES = getattr(settings, "MEETINGS_ATTACHMENT_MAX_BYTES", 10 * 1024 * 1024)


class AttachmentForm(StyledFormMixin, forms.Form):
    title = forms.CharField(
        label=pgettext_lazy("attachment title", "Title"),
        max_length=200,
        required=False,
        help_text=_("Left empty, the file name is used"),
    )
    file = forms.FileField(
        label=_("File"), help_text=_("Up to %(size)s") % {"size": filesizeformat(ATTACHMENT_MAX_BYTES)}
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("prefix", "attachment")
        super().__init__(*args, **kwargs)

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > ATTACHMENT_MAX_BYTES:
            raise forms.ValidationError(
                _("The file is larger than %(size)s.") % {"size": filesizeformat(ATTACHMENT_MAX_BYTES)}
            )
        return upload
