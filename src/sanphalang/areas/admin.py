"""The Django admin of areas and regions, for administrators only."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from sanphalang.accounts.admin import AdministratorOnly

from .models import Area, Region

# Names feed the stored search and sort keys, which only the area services compute; the admin never edits them.
_AREA_KEY_FIELDS = ["code", "level", "name_th", "name_en", "parent", "moo", "is_official"]


@admin.register(Area)
class AreaAdmin(AdministratorOnly, SimpleHistoryAdmin):
    list_display = ["code", "name_th", "name_en", "level", "postal_codes", "is_official", "is_active"]
    list_filter = ["level", "is_official", "is_active"]
    search_fields = ["code", "name_th", "name_en"]
    show_full_result_count = False
    fields = [*_AREA_KEY_FIELDS, "postal_codes", "is_active"]

    def get_readonly_fields(self, request, obj=None):
        if obj is not None and obj.is_official:
            return self.fields
        return _AREA_KEY_FIELDS

    def has_add_permission(self, request, *args) -> bool:
        # Villages are added on the subdistrict's page, through village_create, which checks the user's areas.
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        if obj is not None and obj.is_official:
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None) -> bool:
        if obj is not None and obj.is_official:
            return False
        return super().has_delete_permission(request, obj)


@admin.register(Region)
class RegionAdmin(AdministratorOnly, SimpleHistoryAdmin):
    list_display = ["name_th", "name_en", "slug"]
    search_fields = ["name_th", "name_en", "slug"]
    prepopulated_fields = {"slug": ["name_en"]}
    filter_horizontal = ["provinces"]

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        from sanphalang.accounts.services import users_refresh_scope_of_region

        users_refresh_scope_of_region(region=form.instance)
