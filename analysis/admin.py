from django.contrib import admin

from .models import ModusOperandiTag


@admin.register(ModusOperandiTag)
class ModusOperandiTagAdmin(admin.ModelAdmin):
    list_display = ("kind", "object_id", "modus_operandi", "created_by", "created_at")
    list_filter = ("kind", "modus_operandi")
    search_fields = ("object_id", "note")
    readonly_fields = ("created_by", "created_at")

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)
