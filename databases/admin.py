"""Admin of the global databases: read-mostly, and never a leak (non-superusers see what the policy allows)."""

from django.contrib import admin
from django.db.models import Count, Q
from django.utils.timesince import timesince
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin

from ncb.access import visible_to
from ncb.admin import ReadOnlyAdmin

from .models import Artwork, Firearm, Hit, ImportJob, MatchSweep, MatchSweepChunk, Person, TravelDocument, Vehicle
from .models.matching import JobStatus


class RecordAdmin(admin.ModelAdmin):
    list_display = ("reference", "owner", "status", "restriction", "review_by")
    list_filter = ("status", "restriction")
    search_fields = ("reference",)
    list_select_related = ("owner",)
    raw_id_fields = ("owner",)
    filter_horizontal = ("restriction_countries",)

    def get_queryset(self, request):
        return visible_to(super().get_queryset(request), request.user)


@admin.register(Person)
class PersonAdmin(RecordAdmin):
    list_display = ("reference", "family_name", "given_names", "date_of_birth", "owner", "status")
    search_fields = ("reference", "name_key")


@admin.register(TravelDocument)
class TravelDocumentAdmin(RecordAdmin):
    list_display = ("reference", "number_normalized", "issuing_country", "owner", "status")
    search_fields = ("reference", "number_normalized")
    raw_id_fields = ("owner", "person")


@admin.register(Vehicle)
class VehicleAdmin(RecordAdmin):
    list_display = ("reference", "vin", "plate_normalized", "plate_country", "owner", "status")
    search_fields = ("reference", "vin", "plate_normalized")


@admin.register(Artwork)
class ArtworkAdmin(RecordAdmin, TranslationAdmin):
    list_display = ("reference", "title", "artist", "owner", "status")
    search_fields = ("reference", "title", "artist")


@admin.register(Firearm)
class FirearmAdmin(RecordAdmin):
    list_display = ("reference", "make", "serial_normalized", "owner", "status")
    search_fields = ("reference", "serial_normalized")


@admin.register(Hit)
class HitAdmin(admin.ModelAdmin):
    list_display = (
        "created_at",
        "database",
        "record_reference",
        "record_owner",
        "unit",
        "rule",
        "priority",
        "review_status",
    )
    list_filter = ("database", "review_status", "priority")
    list_select_related = ("record_owner", "unit")

    def get_queryset(self, request):
        # A hit names a record: staff outside the GS see only their own unit's hits, never a restricted record's.
        hits = super().get_queryset(request)
        unit = request.user.unit
        if request.user.is_superuser or (unit is not None and unit.sees_all_records):
            return hits
        return hits.filter(record_owner=unit) | hits.filter(unit=unit)

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(ImportJob)
class ImportJobAdmin(admin.ModelAdmin):
    list_display = ("created_at", "file_name", "database", "owner", "status", "imported", "updated", "rejected")
    list_select_related = ("owner",)

    def has_change_permission(self, request, obj=None):
        return False


class SweepChunkInline(admin.TabularInline):
    model = MatchSweepChunk
    fields = ("first_year", "first_id", "until_year", "until_id", "status", "claimed_at", "hits")
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(MatchSweep)
class MatchSweepAdmin(ReadOnlyAdmin):
    """The nightly sweeps, for an administrator checking how last night's ran: read-only, beat starts them. They
    hold counts only, no record."""

    list_display = ("started_at", "status", "progress", "hits", "finished_at", "duration")
    list_filter = ("status",)
    fields = ("status", "total_chunks", "hits", "started_at", "finished_at", "handed_over_at")
    inlines = [SweepChunkInline]

    def get_queryset(self, request):
        done = Count("chunks", filter=Q(chunks__status=JobStatus.DONE))
        return super().get_queryset(request).annotate(chunks_done=done)

    @admin.display(description=_("chunks done"))
    def progress(self, sweep: MatchSweep) -> str:
        return f"{sweep.chunks_done} / {sweep.total_chunks}"

    @admin.display(description=_("duration"))
    def duration(self, sweep: MatchSweep) -> str:
        return timesince(sweep.started_at, sweep.finished_at) if sweep.finished_at else "–"
