"""Downloads made from meetings: minutes and agenda as PDF and Word, and a body's calendar feed."""

from urllib.parse import quote

from axes.helpers import get_client_ip_address
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse
from django.views.decorators.http import require_GET

from sanphalang.accounts.errors import AccountError
from sanphalang.accounts.services import api_token_authenticate
from sanphalang.accounts.throttle import TooManyBadTokens
from sanphalang.thai.preferences import prefers_thai_digits

from ..documents.calendar import body_calendar as render_body_calendar
from ..documents.content import AGENDA, MINUTES, file_name, safe_file_name
from ..documents.docx import render_meeting_docx
from ..documents.pdf import render_meeting_pdf
from ..selectors.bodies import body_get
from ..selectors.meetings import meeting_get, meeting_list

PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
ICS = "text/calendar; charset=utf-8"
DIGITS = {"thai": True, "arabic": False}


def _thai_digits(request: HttpRequest, default: bool) -> bool:
    """?digits=thai|arabic, otherwise the reader's preference."""
    return DIGITS.get(request.GET.get("digits", ""), default)


def _download(
    content: bytes, content_type: str, names: tuple[str, str], *, inline: bool = False
) -> HttpResponse:
    """A file with its Thai name (RFC 6266 / RFC 5987 filename*) and an ASCII name for older clients."""
    thai_name, ascii_name = names
    response = HttpResponse(content, content_type=content_type)
    disposition = "inline" if inline else "attachment"
    response["Content-Disposition"] = (
        f"{disposition}; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(thai_name, safe='')}"
    )
    response["Cache-Control"] = "private, no-store"
    return response


def _meeting_document(request: HttpRequest, pk: int, *, kind: str, extension: str) -> HttpResponse:
    meeting = meeting_get(user=request.user, pk=pk)
    thai_digits = _thai_digits(request, prefers_thai_digits())
    if extension == "pdf":
        content = render_meeting_pdf(meeting, kind=kind, thai_digits=thai_digits, user=request.user)
        content_type = PDF
    else:
        content = render_meeting_docx(meeting, kind=kind, thai_digits=thai_digits, user=request.user)
        content_type = DOCX
    return _download(content, content_type, file_name(meeting, kind, extension))


@require_GET
@login_required
def minutes_pdf(request, pk: int):
    return _meeting_document(request, pk, kind=MINUTES, extension="pdf")


@require_GET
@login_required
def minutes_docx(request, pk: int):
    return _meeting_document(request, pk, kind=MINUTES, extension="docx")


@require_GET
@login_required
def agenda_pdf(request, pk: int):
    return _meeting_document(request, pk, kind=AGENDA, extension="pdf")


@require_GET
@login_required
def agenda_docx(request, pk: int):
    return _meeting_document(request, pk, kind=AGENDA, extension="docx")


@require_GET
def body_calendar(request, pk: int):
    """Calendar apps cannot log in: an API token in ?token= stands in for the session. A token that is wrong or
    revoked is refused outright rather than falling back to the session, so a broken subscription shows."""
    if "token" in request.GET:
        try:
            user = api_token_authenticate(request.GET["token"], address=get_client_ip_address(request))
        except TooManyBadTokens as refused:
            response = HttpResponse(refused.message, status=429, content_type="text/plain; charset=utf-8")
            response["Retry-After"] = str(refused.retry_after)
            return response
        if user is None:
            return HttpResponse(
                AccountError.BAD_TOKEN.message(), status=401, content_type="text/plain; charset=utf-8"
            )
    elif request.user.is_authenticated:
        user = request.user
    else:
        return redirect_to_login(request.get_full_path())
    body = body_get(user=user, pk=pk)
    meetings = meeting_list(user=user, body=body.pk).order_by("held_on", "number")
    content = render_body_calendar(
        body, meetings, user=user, thai_digits=_thai_digits(request, user.prefers_thai_digits)
    )
    names = (safe_file_name(f"ปฏิทินการประชุม{body.name_th}.ics"), f"meetings-{body.pk}.ics")
    return _download(content, ICS, names, inline=True)
