from django.contrib.auth.forms import AuthenticationForm

from sanphalang.web.forms import StyledFormMixin


class LoginForm(StyledFormMixin, AuthenticationForm):
    pass
