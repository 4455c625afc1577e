"""Record-against-record matching: a new or changed record against the other NCBs' records, and nightly sweeps.

A pair gives one hit per rule, however often it is matched: the hit is keyed by the pair in a fixed direction
(same database: the older record is the matched one; persons and documents: the document is matched by the
person, the person by the document's holder), so matching A then B, or re-running a sweep, finds the hit
already there. A false positive stays a reviewed hit and is therefore never raised again. Both owners are told;
a pair hidden by either owner's restriction gives no hit, and the hiding owner is told of the attempt.
"""

from collections.abc import Iterable

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_noop

from ncb.access import access_allows
from ncb.services import notification_send, restricted_attempts_notify

from ..choices import ACTIVE_STATUSES, Database
from ..identifiers.confusables import confusion_key
from ..models import Artwork, ArtworkPhoto, Firearm, GlobalRecord, Hit, Person, PersonDocument, TravelDocument, Vehicle
from ..registry import model_of
from .hits import hit_record
from .match_keys import core_person, person_keys_refresh
from .screening import person_candidates

ACTION = "matching.record"


def _live(model) -> Iterable:
    return model.objects.filter(status__in=ACTIVE_STATUSES, review_by__gte=timezone.localdate())


def _is_live(record: GlobalRecord) -> bool:
    return record.status in ACTIVE_STATUSES and record.review_by >= timezone.localdate()


def pair_hit(*, record: GlobalRecord, source: GlobalRecord, rule: str, score: float, reason: str) -> bool:
    """Record the hit of `source` on `record` (other owners) unless it exists; tell both owners. True if new."""
    if record.owner_id == source.owner_id:
        return False
    if not access_allows(record=record, unit=source.owner):
        restricted_attempts_notify(records=[record], unit=source.owner, user=None, action=ACTION)
        return False
    if not access_allows(record=source, unit=record.owner):
        restricted_attempts_notify(records=[source], unit=record.owner, user=None, action=ACTION)
        return False
    query_key = pair_query_key(source=source, rule=rule)
    exists = Hit.objects.filter(
        database=record.DATABASE, record_id=record.pk, unit_id=source.owner_id, query_key=query_key
    ).exists()
    if exists:
        return False
    hit, created = hit_record(
        record=record,
        unit=source.owner,
        user=None,
        query={"database": source.DATABASE, "id": source.pk, "reference": source.reference},
        query_key=query_key,
        rule=rule,
        reason=reason,
        score=score,
        source=source,
    )
    if created:
        from ..links import record_url

        # hit_record told the matched record's owner; the NCB whose record caused it is told too.
        notification_send(
            unit=source.owner,
            kind="hit",
            message=gettext_noop("Your record {reference} matches record {other} ({database}) of {country}."),
            params={
                "reference": source.reference,
                "other": record.reference,
                "database": record.DATABASE,
                "country": record.owner.country.iso2 if record.owner.country_id else "?",
            },
            url=record_url(source),
        )
    return created


def pair_query_key(*, source: GlobalRecord, rule: str) -> str:
    """The query key of the hits `source` makes by `rule` (with the matched record and its owner, one hit)."""
    return f"{source.DATABASE}:{source.pk}:{rule}"


def pair_visible(*, record: GlobalRecord, source: GlobalRecord) -> bool:
    """Whether each owner may see the other's record: pair_hit records nothing (and tells the owner) otherwise."""
    return access_allows(record=record, unit=source.owner) and access_allows(record=source, unit=record.owner)


def _ordered(a: GlobalRecord, b: GlobalRecord) -> tuple[GlobalRecord, GlobalRecord]:
    """(matched record, source) of a same-database pair: the older record is the one matched."""
    return (a, b) if a.pk < b.pk else (b, a)


def _person_query(person: Person):
    return core_person(
        family_name=person.family_name,
        given_names=person.given_names,
        aliases=[alias.name for alias in person.aliases.all()],
        date_of_birth=person.date_of_birth,
        sex=person.sex,
        nationalities=[country.iso3 for country in person.nationalities.all()],
    )


def _match_person(person: Person) -> int:
    created = 0
    threshold = settings.MATCH_PERSON_THRESHOLD
    visible = person_candidates(_person_query(person), unit=None, threshold=threshold).visible
    # Everything is scored here; pair_hit applies both owners' restrictions to each pair.
    others = [(row, score) for row, score in visible if row.owner_id != person.owner_id]
    records = Person.objects.select_related("owner__country").in_bulk([row.id for row, _score in others])
    for row, score in others:
        record, source = _ordered(records[row.id], person)
        reason = "; ".join(reason.text for reason in score.reasons)
        created += pair_hit(record=record, source=source, rule="person_name", score=score.value, reason=reason)
    # Identity documents the person holds against stolen and lost travel documents (OCR-confusion key).
    keys = {confusion_key(number) for number in person.documents.values_list("number_normalized", flat=True)}
    for document in _live(TravelDocument).filter(ocr_key__in=keys).select_related("owner__country"):
        created += pair_hit(
            record=document, source=person, rule="person_document", score=1.0, reason="identity document recorded"
        )
    return created


def _match_travel_document(document: TravelDocument) -> int:
    created = 0
    holders = PersonDocument.objects.filter(number_normalized=document.number_normalized).values("person_id")
    for person in _live(Person).filter(pk__in=holders).select_related("owner__country"):
        created += pair_hit(
            record=document, source=person, rule="person_document", score=1.0, reason="identity document recorded"
        )
    if not document.holder_family_name:
        return created
    holder = core_person(
        family_name=document.holder_family_name,
        given_names=document.holder_given_names,
        date_of_birth=document.holder_date_of_birth,
        nationalities=[document.holder_nationality] if document.holder_nationality else (),
    )
    visible = person_candidates(holder, unit=None, threshold=settings.MATCH_PERSON_THRESHOLD).visible
    records = Person.objects.select_related("owner__country").in_bulk([row.id for row, _score in visible])
    for row, score in visible:
        reason = "holder: " + "; ".join(reason.text for reason in score.reasons)
        created += pair_hit(
            record=records[row.id], source=document, rule="document_holder", score=score.value, reason=reason
        )
    return created


def _same_database(record: GlobalRecord, condition: Q, rule: str, reason: str) -> int:
    created = 0
    model = type(record)
    others = _live(model).filter(condition).exclude(owner_id=record.owner_id).select_related("owner__country")
    for other in others[: settings.MATCH_MAX_CANDIDATES]:
        matched, source = _ordered(other, record)
        created += pair_hit(record=matched, source=source, rule=rule, score=1.0, reason=reason)
    return created


def _match_vehicle(vehicle: Vehicle) -> int:
    created = 0
    if vehicle.vin_key:
        created += _same_database(vehicle, Q(vin_key=vehicle.vin_key), "vehicle_vin", "VIN (allowing for typos)")
    if vehicle.plate_key:
        condition = Q(plate_key=vehicle.plate_key, plate_country=vehicle.plate_country)
        created += _same_database(vehicle, condition, "vehicle_plate", "registration plate and country")
    return created


def _match_firearm(firearm: Firearm) -> int:
    condition = Q(serial_key=firearm.serial_key, make_normalized=firearm.make_normalized)
    return _same_database(firearm, condition, "firearm_serial", "make and serial number")


def _match_artwork(artwork: Artwork) -> int:
    created = 0
    if artwork.search_key:
        condition = Q(search_key=artwork.search_key)
        created += _same_database(artwork, condition, "artwork_title", "title and artist")
    hashes = list(artwork.photos.values_list("dhash", flat=True))
    if hashes:
        same_photo = ArtworkPhoto.objects.filter(dhash__in=hashes).exclude(artwork_id=artwork.pk).values("artwork_id")
        created += _same_database(artwork, Q(pk__in=same_photo), "artwork_photo", "photo (perceptual hash)")
    return created


MATCHERS = {
    Database.PERSONS: _match_person,
    Database.TRAVEL_DOCUMENTS: _match_travel_document,
    Database.VEHICLES: _match_vehicle,
    Database.FIREARMS: _match_firearm,
    Database.ARTWORKS: _match_artwork,
}
_PREFETCH = {Database.PERSONS: ("aliases", "nationalities")}


@transaction.atomic
def record_match(*, database: str, record_id: int) -> int:
    """Match one record against the other NCBs' records of the relevant databases; return new hits."""
    model = model_of(database)
    record = model.objects.select_related("owner__country").prefetch_related(*_PREFETCH.get(database, ()))
    record = record.filter(pk=record_id).first()
    if record is None or not _is_live(record):
        return 0
    return MATCHERS[database](record)


def record_saved(*, record: GlobalRecord) -> None:
    """Called by the record services after a save: refresh a person's keys, match the record on commit."""
    from ..tasks import record_match_task

    if isinstance(record, Person):
        person_keys_refresh(person_ids=[record.pk])
    database, record_id = record.DATABASE, record.pk
    transaction.on_commit(lambda: record_match_task.delay(database, record_id))
