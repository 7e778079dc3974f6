"""Log in and out, language switching, and the user's own settings, password and API tokens."""

from django import forms
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from django.views.i18n import set_language as django_set_language

from sanphalang.web.forms import StyledFormMixin, apply_validation_error

from . import services
from .forms import OwnPasswordChangeForm
from .models import ApiToken


def set_language(request):
    """Django's language switch, also remembered on the user's account."""
    response = django_set_language(request)
    language = request.POST.get("language")
    if (
        request.method == "POST"
        and request.user.is_authenticated
        and language in dict(request.user._meta.get_field("language").choices)
    ):
        services.user_set_preferences(user=request.user, language=language)
    return response


class PreferencesForm(StyledFormMixin, forms.Form):
    prefers_thai_digits = forms.BooleanField(
        label=gettext_lazy("Show numbers in Thai digits (๑๒๓)"), required=False
    )


class TokenForm(StyledFormMixin, forms.Form):
    name = forms.CharField(label=gettext_lazy("Token name"), max_length=100)


@login_required
def user_settings(request):
    preferences = PreferencesForm(initial={"prefers_thai_digits": request.user.prefers_thai_digits})
    token_form = TokenForm()
    new_token = None
    if request.method == "POST" and "save_preferences" in request.POST:
        preferences = PreferencesForm(request.POST)
        if preferences.is_valid():
            services.user_set_preferences(user=request.user, **preferences.cleaned_data)
            messages.success(request, _("Your settings were saved."))
            return redirect("accounts:settings")
    elif request.method == "POST" and "create_token" in request.POST:
        token_form = TokenForm(request.POST)
        if token_form.is_valid():
            try:
                _token, new_token = services.api_token_create(user=request.user, **token_form.cleaned_data)
            except ValidationError as error:
                apply_validation_error(token_form, error)
    tokens = ApiToken.objects.filter(user=request.user, revoked_at__isnull=True).order_by("-created_at")
    return render(
        request,
        "accounts/settings.html",
        {"preferences": preferences, "token_form": token_form, "tokens": tokens, "new_token": new_token},
    )


@login_required
@require_POST
def token_revoke(request, pk: int):
    try:
        services.api_token_revoke(user=request.user, token_id=pk)
        messages.success(request, _("The token was revoked."))
    except ValidationError:
        messages.error(request, _("No such token."))
    return redirect("accounts:settings")


class PasswordChangeView(auth_views.PasswordChangeView):
    """Django's own password change (it keeps the user logged in), back to the settings page with a message."""

    form_class = OwnPasswordChangeForm
    template_name = "accounts/password_change.html"
    success_url = reverse_lazy("accounts:settings")

    def form_valid(self, form):
        response = super().form_valid(form)
        messages.success(self.request, _("Your password was changed."))
        return response
