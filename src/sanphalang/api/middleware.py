"""The API answers a method its address does not take (PUT on a list) in JSON, like every other API error."""

from django.http import JsonResponse
from django.utils.translation import gettext as _

from .errors import error_body

API_PREFIX = "/api/"


class ApiMethodNotAllowedMiddleware:
    """django-ninja answers 405 with Django's plain-text response before any API error handler runs."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if (
            response.status_code == 405
            and request.path.startswith(API_PREFIX)
            and not response.get("Content-Type", "").startswith("application/json")
        ):
            allowed = response.get("Allow", "")
            json_response = JsonResponse(
                error_body(
                    _("This address does not take %(method)s; it takes %(allowed)s.")
                    % {"method": request.method, "allowed": allowed or "-"},
                    "method_not_allowed",
                ),
                status=405,
            )
            if allowed:
                json_response["Allow"] = allowed
            return json_response
        return response
