"""Administration of notices: view only. Every change goes through the services, which audit it."""

from django.contrib import admin

from .models import Diffusion, Notice, NoticeEvent, PublicExtract
from .selectors import diffusions_visible_to, notices_visible_to


class ViewOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class NoticeEventInline(admin.TabularInline):
    model = NoticeEvent
    extra = 0
    fields = ("at", "actor", "action", "status", "reasons", "checklist")
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Notice)
class NoticeAdmin(ViewOnlyAdmin):
    list_display = ("reference", "notice_type", "status", "owner", "family_name", "given_names", "published_at")
    list_filter = ("notice_type", "status")
    search_fields = ("entity_id", "family_name", "given_names")
    list_select_related = ("owner",)
    inlines = [NoticeEventInline]
    exclude = ("photo",)

    def get_queryset(self, request):
        # The admin follows the same access policy as every other page (data rules).
        return notices_visible_to(request.user)


@admin.register(Diffusion)
class DiffusionAdmin(ViewOnlyAdmin):
    list_display = ("reference", "diffusion_type", "status", "owner", "family_name", "sent_at", "reviewed_at")
    list_filter = ("diffusion_type", "status")
    list_select_related = ("owner",)
    exclude = ("photo",)

    def get_queryset(self, request):
        return diffusions_visible_to(request.user)


@admin.register(PublicExtract)
class PublicExtractAdmin(ViewOnlyAdmin):
    """What the public sees; changed only by publishing, consenting, cancelling or expiring the notice."""

    list_display = ("entity_id", "notice_type", "name", "forename", "published_at")
    list_filter = ("notice_type",)
