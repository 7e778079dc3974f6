"""Per-request language and digit preferences: Thai unless the user chose otherwise."""

from django.conf import settings
from django.utils import translation

from sanphalang.thai.preferences import reset_thai_digits, set_thai_digits

_SUPPORTED = {code for code, _name in settings.LANGUAGES}


class UserLanguageMiddleware:
    """Thai by default, whatever the browser asks; the language cookie (set by the switcher) or the
    user's saved choice wins. Replaces Django's LocaleMiddleware, which would follow Accept-Language."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        language = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        if language not in _SUPPORTED and user is not None and user.is_authenticated:
            language = user.language
        if language not in _SUPPORTED:
            language = settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        token = set_thai_digits(bool(user and user.is_authenticated and user.prefers_thai_digits))
        try:
            response = self.get_response(request)
        finally:
            reset_thai_digits(token)
        response.headers.setdefault("Content-Language", language)
        return response
