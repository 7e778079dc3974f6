"""Per-request language and digit preferences (Thai unless the user chose otherwise), and refusals answered quietly."""

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.urls import get_resolver, get_urlconf
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


class AccessDeniedMiddleware:
    """A refused request is an everyday event, not a bug: answer with the 403 page and leave one line in the log
    ("Forbidden: <path>", from Django's request logger), with no traceback and nothing about the person. Without
    this, Django logs every PermissionDenied with its full traceback."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, PermissionDenied):
            return None
        handler = get_resolver(get_urlconf()).resolve_error_handler(403)
        return handler(request, exception=exception)
