"""Admin views of the CCC: for looking things up. Work on cases happens in the queue, through the services."""

from django.contrib import admin

from .models import Attachment, Case, HandOver, Message, Thread


class ThreadInline(admin.TabularInline):
    model = Thread
    extra = 0
    fields = ("ncb", "created_at", "last_message_at")
    readonly_fields = ("created_at", "last_message_at")
    autocomplete_fields = ("ncb",)


@admin.register(Case)
class CaseAdmin(admin.ModelAdmin):
    list_display = ("reference", "summary", "priority", "status", "site", "deadline", "first_reply_at", "claimed_by")
    list_filter = ("status", "priority", "source", "site", "language")
    search_fields = ("summary", "details")
    list_select_related = ("site", "claimed_by")
    date_hierarchy = "opened_at"
    readonly_fields = (
        "source",
        "source_id",
        "hit",
        "opened_at",
        "opened_by",
        "deadline",
        "first_reply_at",
        "escalated_at",
        "claimed_at",
        "handover",
        "resolved_at",
        "closed_at",
        "updated_at",
    )
    raw_id_fields = ("claimed_by",)
    inlines = [ThreadInline]


class AttachmentInline(admin.TabularInline):
    model = Attachment
    extra = 0
    fields = ("name", "content_type", "size")
    readonly_fields = fields
    can_delete = False


@admin.register(Message)
class MessageAdmin(admin.ModelAdmin):
    """Messages are a record of what was said: read-only here."""

    list_display = ("thread", "from_ccc", "author", "language", "created_at")
    list_filter = ("from_ccc", "language")
    list_select_related = ("thread", "author")
    inlines = [AttachmentInline]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(HandOver)
class HandOverAdmin(admin.ModelAdmin):
    list_display = ("at", "from_site", "to_site", "case_count", "by")
    list_filter = ("from_site", "to_site")
    list_select_related = ("from_site", "to_site", "by")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
