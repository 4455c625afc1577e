from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin

from .models import ApiToken, AuditEntry, Country, Notification, Unit, User


class ReadOnlyAdmin(admin.ModelAdmin):
    """Shown in the admin, never added, changed or deleted there: the portal's services (or beat) write these."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Country)
class CountryAdmin(TranslationAdmin):
    list_display = ("iso2", "iso3", "name", "region", "is_member")
    list_filter = ("region", "is_member")
    search_fields = ("iso2", "iso3", "name")


@admin.register(Unit)
class UnitAdmin(TranslationAdmin):
    list_display = ("code", "name", "kind", "country", "city", "time_zone", "is_active")
    list_filter = ("kind", "is_active")
    search_fields = ("code", "name", "city")
    list_select_related = ("country",)
    autocomplete_fields = ("country",)


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    list_display = ("username", "get_full_name", "unit", "preferred_language", "is_active", "is_staff")
    list_filter = ("is_active", "is_staff", "groups", "preferred_language", "unit__kind")
    list_select_related = ("unit",)
    autocomplete_fields = ("unit",)
    fieldsets = DjangoUserAdmin.fieldsets + ((_("Portal"), {"fields": ("unit", "preferred_language", "time_zone")}),)
    add_fieldsets = DjangoUserAdmin.add_fieldsets + ((_("Portal"), {"fields": ("unit", "preferred_language")}),)


@admin.register(AuditEntry)
class AuditEntryAdmin(ReadOnlyAdmin):
    """Read-only: the audit trail is append-only for everyone, administrators included."""

    list_display = ("at", "actor_username", "unit", "action", "target_repr", "outcome")
    list_filter = ("action", "unit__kind")
    search_fields = ("actor_username", "action", "target_repr", "target_id")
    list_select_related = ("unit",)
    date_hierarchy = "at"


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    list_display = ("name", "user", "prefix", "created_at", "last_used_at", "revoked_at")
    list_select_related = ("user",)
    readonly_fields = ("user", "prefix", "digest", "created_at", "last_used_at")
    search_fields = ("name", "user__username", "prefix")

    def has_add_permission(self, request):
        return False


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    list_display = ("created_at", "kind", "unit", "user", "read_at")
    list_select_related = ("unit", "user")
    list_filter = ("kind",)
