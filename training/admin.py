"""The catalogue in the Django admin: courses and topics with their four languages side by side (modeltranslation),
sessions with their capacity. Enrolments and certificates are read-only here: their states change only through
the services, which keep the seat count, the waiting list and the notifications right."""

from django.contrib import admin
from modeltranslation.admin import TranslationAdmin

from ncb.admin import ReadOnlyAdmin

from .models import Certificate, Course, Enrolment, Session, Topic, TrainingNeed
from .services import session_fill_from_waiting_list


@admin.register(Topic)
class TopicAdmin(TranslationAdmin):
    list_display = ("code", "name", "programme")
    list_filter = ("programme",)
    search_fields = ("code", "name_en", "name_fr", "name_es", "name_ar")


class SessionInline(admin.TabularInline):
    model = Session
    extra = 0
    fields = ("starts_on", "ends_on", "enrolment_deadline", "language", "is_online", "city", "country", "capacity")
    autocomplete_fields = ("country",)
    show_change_link = True


@admin.register(Course)
class CourseAdmin(TranslationAdmin):
    list_display = ("code", "title", "programme", "level", "format", "is_published")
    list_filter = ("programme", "level", "format", "is_published")
    search_fields = ("code", "title_en", "title_fr", "title_es", "title_ar")
    filter_horizontal = ("topics",)
    inlines = [SessionInline]


@admin.register(Session)
class SessionAdmin(admin.ModelAdmin):
    list_display = (
        "course",
        "starts_on",
        "ends_on",
        "language",
        "is_online",
        "city",
        "capacity",
        "seats_taken",
        "cancelled_at",
    )
    list_filter = ("language", "is_online", "course__programme")
    list_select_related = ("course",)
    search_fields = ("course__code", "city")
    date_hierarchy = "starts_on"
    autocomplete_fields = ("country", "trainers")
    readonly_fields = ("seats_taken", "cancelled_at", "cancel_reason")

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if change and "capacity" in form.changed_data:
            # A raised capacity gives the new seats to the waiting list, first in line first.
            session_fill_from_waiting_list(session=obj, actor=request.user)


@admin.register(Enrolment)
class EnrolmentAdmin(ReadOnlyAdmin):
    list_display = ("participant", "session", "ncb", "status", "attendance", "applied_at")
    list_filter = ("status", "attendance", "session__course__programme")
    list_select_related = ("participant", "session__course", "ncb")
    search_fields = ("participant__username", "participant__last_name", "session__course__code")


@admin.register(Certificate)
class CertificateAdmin(ReadOnlyAdmin):
    list_display = ("code", "holder_name", "language", "issued_at", "revoked_at")
    search_fields = ("code", "holder_name")
    list_filter = ("language",)


@admin.register(TrainingNeed)
class TrainingNeedAdmin(ReadOnlyAdmin):
    list_display = ("ncb", "topic", "officers", "priority", "updated_at")
    list_filter = ("priority", "topic__programme", "ncb__country__region")
    list_select_related = ("ncb", "topic")
