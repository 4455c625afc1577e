"""Reads of the global databases: lists with filters, one record, hits. The home of visibility and prefetching."""

import datetime as dt

from django.conf import settings
from django.contrib.postgres.expressions import ArraySubquery
from django.db import connection
from django.db.models import OuterRef, Q, QuerySet
from django.utils import timezone

from interpol_portal.arrays import any_of, ids_as_array
from ncb.access import visible_to
from ncb.models import User

from .choices import ACTIVE_STATUSES, Database
from .identifiers import IdentifierError, normalize_document_number, normalize_make, normalize_serial, vin_fuzzy_key
from .identifiers.confusables import confusion_key
from .keys import name_key
from .models import GlobalRecord, Hit, ImportJob, Person, PersonAlias
from .registry import model_of

# What each list shows beside the record: joined in the list query, never one query per row (a person's
# nationalities and aliases: _with_person_lists).
_RELATED = {
    Database.PERSONS: ("owner__country",),
    Database.TRAVEL_DOCUMENTS: ("owner__country",),
    Database.VEHICLES: ("owner__country",),
    Database.ARTWORKS: ("owner__country", "country_stolen"),
    Database.FIREARMS: ("owner__country",),
}
# What a record's page shows besides.
_PREFETCHED = {
    Database.PERSONS: ("nationalities", "aliases", "documents", "photos", "travel_documents"),
    Database.ARTWORKS: ("photos",),
}
# Filters each list offers besides text, status, owner and review date: column -> query parameter.
EXTRA_FILTERS = {
    Database.PERSONS: ("sex", "birth_year"),
    Database.TRAVEL_DOCUMENTS: ("document_type", "issuing_country"),
    Database.VEHICLES: ("plate_country",),
    Database.ARTWORKS: ("artwork_type",),
    Database.FIREARMS: ("firearm_type",),
}


def _text_condition(database: str, text: str) -> Q:
    """Text search of one database: by identifier keys (with OCR confusions) or by folded names."""
    condition = Q(reference=text)
    try:
        if database == Database.PERSONS:
            return _person_text_condition(text)
        if database == Database.ARTWORKS:
            return condition | Q(search_key__contains=name_key(text))
        if database == Database.TRAVEL_DOCUMENTS:
            return condition | Q(ocr_key=confusion_key(normalize_document_number(text)))
        if database == Database.VEHICLES:
            key = vin_fuzzy_key(text)
            return condition | Q(vin_key=key) | Q(plate_key=key)
        if database == Database.FIREARMS:
            serial = Q(serial_key=confusion_key(normalize_serial(text))) if any(c.isdigit() for c in text) else Q()
            return condition | serial | Q(make_normalized__startswith=normalize_make(text))
    except IdentifierError:
        return condition
    return condition


# Persons a name search resolves to ids before the list query; past it, the list joins the name look-up instead.
NAME_SEARCH_MAX_IDS = 50_000


def _person_text_condition(text: str) -> Q:
    """Persons whose name or alias starts with the searched name, or whose reference it is.

    The matching ids are read first, by one UNION ALL of three index scans (name key, alias key, reference), as
    one array literal that goes back to the list as it came (ids_as_array). A person found twice costs nothing;
    removing the doubles cost 9 of 20 ms for 'John'. PostgreSQL then walks the newest-first index testing each row
    against a hash of the array. A condition testing the name and aliases of each row instead walks the whole
    table for a rare name, and `id IN (union)` made PostgreSQL compare each row walked with every id of the union
    (0.2 s for 'John' at a million persons, in both the page and its count).
    """
    key = name_key(text)
    if not key:
        return Q(reference=text)
    aliases = PersonAlias.objects.filter(name_key__startswith=key).order_by().values_list("person_id", flat=True)
    matching = (
        Person.objects.filter(name_key__startswith=key)
        .order_by()
        .values_list("pk", flat=True)
        .union(aliases, Person.objects.filter(reference=text).order_by().values_list("pk", flat=True), all=True)
    )
    ids = ids_as_array(matching, NAME_SEARCH_MAX_IDS + 1)
    if len(ids) <= NAME_SEARCH_MAX_IDS:
        return any_of("pk", ids)
    # A name this common ('M') is met every few rows: testing each row walked newest first finds a page at once.
    return Q(name_key__startswith=key) | Q(pk__in=aliases) | Q(reference=text)


def _with_person_lists(persons: QuerySet[Person]) -> QuerySet[Person]:
    """Persons with what lists show of their nationalities and aliases (Person.nationality_codes, alias_names).

    On PostgreSQL, read with the rows as arrays. Prefetching them cost two queries, and Django built a queryset per
    person for each of the two to hold them: about a third of the time of a page of fifty. Elsewhere, prefetched.
    """
    if connection.vendor != "postgresql":
        return persons.prefetch_related("nationalities", "aliases")
    nationalities = Person.nationalities.through.objects.filter(person=OuterRef("pk")).order_by("country__iso2")
    return persons.annotate(
        _nationality_codes=ArraySubquery(nationalities.values("country__iso2")),
        _alias_names=PersonAlias.names_array(),
    )


def record_list(*, viewer: User, database: str, filters: dict | None = None) -> QuerySet[GlobalRecord]:
    """Records of a database the viewer may see, filtered, newest first, with what the list shows joined."""
    # PostgreSQL refuses NUL in a string literal: a hostile query string must not fail the query.
    filters = {k: v.replace("\x00", "") if isinstance(v, str) else v for k, v in (filters or {}).items()}
    model = model_of(database)
    records = visible_to(model.objects.all(), viewer).select_related(*_RELATED[database])
    if database == Database.PERSONS:
        records = _with_person_lists(records)
    text = (filters.get("q") or "").strip()
    if text:
        records = records.filter(_text_condition(database, text))
    if filters.get("status"):
        records = records.filter(status=filters["status"])
    if filters.get("active"):
        records = records.filter(status__in=ACTIVE_STATUSES)
    if filters.get("owner"):
        records = records.filter(owner__country__iso2=str(filters["owner"]).upper())
    if filters.get("mine") and viewer.unit_id:
        records = records.filter(owner_id=viewer.unit_id)
    today = timezone.localdate()
    if filters.get("review") == "overdue":
        records = records.filter(review_by__lt=today)
    elif filters.get("review") == "due":
        records = records.filter(review_by__lte=today + dt.timedelta(days=settings.RECORD_REVIEW_REMINDER_DAYS))
    for column in EXTRA_FILTERS[database]:
        if filters.get(column):
            value = str(filters[column])
            # A year that is no year matches nothing (rather than failing the query).
            valid = column != "birth_year" or (value.isascii() and value.isdigit() and len(value) <= 4)
            records = records.filter(**{column: value}) if valid else records.none()
    return records.order_by("-recorded_at", "-id")


def record_get(*, viewer: User, database: str, pk: int) -> GlobalRecord:
    """One record the viewer may see, with what its page shows; DoesNotExist otherwise (never a hint why)."""
    model = model_of(database)
    records = visible_to(model.objects.all(), viewer).select_related(*_RELATED[database], "created_by")
    return records.prefetch_related(*_PREFETCHED.get(database, ()), "restriction_countries").get(pk=pk)


def record_photo(*, viewer: User, database: str, record_id: int, photo_id: int):
    """A photo of a record the viewer may see (the photo view serves files only through this)."""
    record = record_get(viewer=viewer, database=database, pk=record_id)
    return record.photos.get(pk=photo_id)


def hits_for_unit(*, viewer: User) -> QuerySet[Hit]:
    """Hits on the viewer's NCB's records and hits its own queries caused, newest first."""
    if viewer.unit_id is None:
        return Hit.objects.none()
    return (
        Hit.objects.filter(Q(record_owner_id=viewer.unit_id) | Q(unit_id=viewer.unit_id))
        .select_related("record_owner__country", "unit__country", "user")
        .order_by("-created_at", "-id")
    )


def import_jobs_for_unit(*, viewer: User) -> QuerySet[ImportJob]:
    return ImportJob.objects.filter(owner_id=viewer.unit_id).select_related("created_by").order_by("-created_at")
