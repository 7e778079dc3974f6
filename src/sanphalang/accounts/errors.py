"""The accounts' error codes and their messages: logging in, passwords and API tokens."""

from django.utils.translation import gettext_lazy as _

from sanphalang.errors import ErrorCode


class AccountError(ErrorCode):
    LOCKED_OUT = (
        "locked_out",
        _(
            "Too many wrong passwords: logging in to this account is paused for %(minutes)s minutes. "
            "Try again later, or ask an administrator to unlock it."
        ),
    )
    BAD_TOKEN = (
        "bad_token",
        _("This API token is wrong or has been revoked: make a new token and subscribe with it again."),
    )
    TOO_MANY_BAD_TOKENS = (
        "too_many_bad_tokens",
        _("Too many wrong API tokens from this address: try again in %(seconds)s seconds."),
    )
