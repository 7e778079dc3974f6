"""The Django admin of users, their areas, API tokens and the access log, for administrators only."""

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from .models import AccessLog, ApiToken, AreaAssignment, User
from .services import user_refresh_scope


class AdministratorOnly:
    """Our administrators hold the administrator role, not Django model permissions: grant every admin page to
    them and to superusers, and to nobody else even if they are staff."""

    def _is_administrator(self, request) -> bool:
        user = request.user
        return user.is_active and user.is_authenticated and user.is_administrator

    def has_module_permission(self, request) -> bool:
        return self._is_administrator(request)

    def has_view_permission(self, request, obj=None) -> bool:
        return self._is_administrator(request)

    def has_add_permission(self, request, *args) -> bool:
        return self._is_administrator(request)

    def has_change_permission(self, request, obj=None) -> bool:
        return self._is_administrator(request)

    def has_delete_permission(self, request, obj=None) -> bool:
        return self._is_administrator(request)


class ReadOnly(AdministratorOnly):
    """Records kept as evidence or written only by their service: administrators may look, not touch."""

    def has_add_permission(self, request, *args) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


class AreaAssignmentInline(AdministratorOnly, admin.TabularInline):
    model = AreaAssignment
    extra = 0
    autocomplete_fields = ["area", "region"]


@admin.register(User)
class UserAdmin(AdministratorOnly, SimpleHistoryAdmin, DjangoUserAdmin):
    inlines = [AreaAssignmentInline]
    list_display = ["username", "first_name", "last_name", "role", "organisation", "is_active", "last_login"]
    list_filter = ["role", "is_active", "is_staff"]
    list_select_related = ["organisation"]
    search_fields = ["username", "first_name", "last_name", "email"]
    autocomplete_fields = ["organisation"]
    fieldsets = [
        *DjangoUserAdmin.fieldsets,
        (_("Sanphalang"), {"fields": ["role", "organisation", "phone", "language", "prefers_thai_digits"]}),
    ]
    add_fieldsets = [
        *DjangoUserAdmin.add_fieldsets,
        (_("Sanphalang"), {"fields": ["role", "organisation"]}),
    ]

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        # The inline may have changed the user's areas: the scope kept on the user's row follows.
        user_refresh_scope(user=form.instance)


@admin.register(ApiToken)
class ApiTokenAdmin(ReadOnly, admin.ModelAdmin):
    list_display = ["name", "user", "prefix", "created_at", "last_used_at", "revoked_at"]
    list_filter = ["revoked_at"]
    list_select_related = ["user"]
    search_fields = ["name", "prefix", "user__username"]
    # Only the hash is stored; showing it does not let anyone use the token.
    readonly_fields = ["user", "name", "prefix", "key_hash", "created_at", "last_used_at", "revoked_at"]


@admin.register(AccessLog)
class AccessLogAdmin(ReadOnly, admin.ModelAdmin):
    list_display = ["at", "username", "action", "model", "object_id", "object_repr", "channel", "address"]
    list_filter = ["action", "channel", "model"]
    search_fields = ["username", "object_id", "object_repr"]
    date_hierarchy = "at"
    readonly_fields = [field.name for field in AccessLog._meta.fields]
