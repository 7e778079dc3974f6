"""The files kept with meetings and letters: download, and removal (POST, confirmed in the browser). Files are
attached from the meeting's and the letter's pages."""

import os

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from sanphalang.web.forms import show_refusal

from ..models import Attachment
from ..selectors import attachments as selectors
from ..services import attachments as services


def _shown_at(attachment: Attachment) -> str:
    if attachment.meeting_id:
        return reverse("meetings:meeting_detail", args=[attachment.meeting_id]) + "#attachments"
    return reverse("meetings:letter_detail", args=[attachment.letter_id])


@login_required
def attachment_download(request, pk: int):
    attachment = selectors.attachment_get(user=request.user, pk=pk)
    try:
        handle = attachment.file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    return FileResponse(handle, as_attachment=True, filename=os.path.basename(attachment.file.name))


@login_required
@require_POST
def attachment_remove(request, pk: int):
    attachment = selectors.attachment_get_for_change(user=request.user, pk=pk)
    try:
        services.attachment_remove(by=request.user, attachment=attachment)
    except ValidationError as error:
        show_refusal(request, error)
    else:
        messages.success(request, _("The file was removed."))
    return redirect(_shown_at(attachment))
