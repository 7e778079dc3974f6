"""Locking logins after repeated wrong passwords (django-axes), with a limit of its own for each kind of client.

Axes counts failures for each set in AXES_LOCKOUT_PARAMETERS but compares them all with one AXES_FAILURE_LIMIT.
LOGIN_FAILURE_LIMITS gives each set its own limit: one account from one address is stopped soon, one account
from anywhere (many addresses guessing it) and one address trying many accounts a little later.
"""

from axes.handlers.database import AxesDatabaseHandler
from django.conf import settings
from django.db.models import Sum
from django.shortcuts import render

from .errors import AccountError


class LoginLockoutHandler(AxesDatabaseHandler):
    def get_failures(self, request, credentials=None) -> int:
        """The failures of each parameter set, scaled so that reaching the set's own limit reaches
        AXES_FAILURE_LIMIT (the one number axes compares with): a set with limit L counts n as
        n * AXES_FAILURE_LIMIT // L, which is at least AXES_FAILURE_LIMIT exactly when n >= L."""
        base = settings.AXES_FAILURE_LIMIT
        scaled = [
            failures * base // limit
            for failures, (_parameters, limit) in zip(
                self._failures_per_set(request, credentials), settings.LOGIN_FAILURE_LIMITS, strict=True
            )
        ]
        return max(scaled, default=0)

    def _failures_per_set(self, request, credentials) -> list[int]:
        return [
            attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0
            for attempts in self.get_user_attempts(request, credentials)
        ]


def locked_out(request, original_response=None, credentials=None):
    """The page shown instead of a login (ours or the admin's) while it is locked, in the user's language."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    response = render(
        request,
        "accounts/locked_out.html",
        {"message": AccountError.LOCKED_OUT.message(minutes=minutes)},
        status=429,
    )
    response["Retry-After"] = str(int(settings.AXES_COOLOFF_TIME.total_seconds()))
    return response
