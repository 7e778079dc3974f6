"""Who is calling: a bearer API token (scripts) or the browser's session (the web UI, CSRF-checked)."""

from axes.helpers import get_client_ip_address
from django.conf import settings
from django.http import HttpRequest
from django.utils import translation
from django.utils.translation import gettext as _
from ninja.security import APIKeyCookie, HttpBearer
from ninja.utils import check_csrf

from sanphalang.accounts.services import api_token_authenticate
from sanphalang.accounts.throttle import TooManyBadTokens

from .errors import ApiError

_SUPPORTED_LANGUAGES = {code for code, _name in settings.LANGUAGES}


class BearerToken(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str):
        try:
            user = api_token_authenticate(token, address=get_client_ip_address(request))
        except TooManyBadTokens as refused:
            raise ApiError(
                429, refused.message, code=refused.code, headers={"Retry-After": str(refused.retry_after)}
            ) from None
        if (
            user is not None
            and request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME) not in _SUPPORTED_LANGUAGES
        ):
            # A script has no language cookie: answer in the language its user chose.
            if user.language in _SUPPORTED_LANGUAGES:
                translation.activate(user.language)
                request.LANGUAGE_CODE = user.language
        return user


class BrowserSession(APIKeyCookie):
    """Django's session login; unsafe methods need the CSRF token as in any form of the web UI."""

    param_name = settings.SESSION_COOKIE_NAME

    def __init__(self) -> None:
        super().__init__(csrf=True)

    def _get_key(self, request: HttpRequest) -> str | None:
        return request.COOKIES.get(self.param_name)

    def authenticate(self, request: HttpRequest, key: str | None):
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            return None
        if not getattr(request, "_ninja_csrf_exempt", False) and check_csrf(request):
            raise ApiError(
                403, _("The CSRF check failed: reload the page and try again."), code="csrf_failed"
            )
        return user


api_auth = [BearerToken(), BrowserSession()]
