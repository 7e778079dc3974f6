from django.contrib.auth.forms import AuthenticationForm, PasswordChangeForm

from sanphalang.web.forms import StyledFormMixin


class LoginForm(StyledFormMixin, AuthenticationForm):
    pass


class OwnPasswordChangeForm(StyledFormMixin, PasswordChangeForm):
    """The user's current password, then the new one twice; the new one must pass AUTH_PASSWORD_VALIDATORS."""
