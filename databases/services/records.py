"""Writes of records of every database: create, update, close (recovered/cancelled), review, view."""

from collections.abc import Iterable

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ncb.models import Country, Unit, User
from ncb.services import audit_record

from ..choices import CLOSED_STATUSES, STATUSES_OF
from ..identifiers import normalize_document_number
from ..keys import country_or_error, fill_keys, latin, name_key
from ..models import GlobalRecord, Person, PersonAlias, PersonDocument
from ..models.base import add_years
from ..registry import model_of
from .errors import identifier_errors_as_validation
from .matching import record_saved

# Fields computed by databases.keys: saved with every update, whatever the form changed.
KEY_FIELDS = {
    "Person": ["family_name_latin", "given_names_latin", "name_key", "date_of_birth", "birth_year"],
    "TravelDocument": ["issuing_country", "number_normalized", "ocr_key", "holder_nationality", "holder_date_of_birth"],
    "Vehicle": ["vin", "vin_key", "plate_country", "plate_normalized", "plate_key"],
    "Firearm": ["make_normalized", "serial_normalized", "serial_key", "country_of_manufacture"],
    "Artwork": ["search_key"],
}


def _check_status(record: GlobalRecord) -> None:
    allowed = (*STATUSES_OF[record.DATABASE], *CLOSED_STATUSES)
    if record.status not in allowed:
        raise ValidationError({"status": [_("This status does not apply to this database.")]})


@transaction.atomic
def record_create(
    *,
    database: str,
    owner: Unit,
    actor: User | None,
    data: dict,
    aliases: Iterable[str] = (),
    documents: Iterable[dict] = (),
    nationalities: Iterable[Country] = (),
    request=None,
) -> GlobalRecord:
    """Record a person, document, vehicle, work of art or firearm for its owner NCB."""
    record = model_of(database)(owner=owner, created_by=actor, **data)
    with identifier_errors_as_validation():
        fill_keys(record)
    _check_status(record)
    record.full_clean(exclude=["restriction_countries"])
    record.save()
    if isinstance(record, Person):
        person_set_related(person=record, aliases=aliases, documents=documents, nationalities=nationalities)
    record_saved(record=record)
    audit_record(actor=actor, unit=owner, action=f"{database}.create", target=record, request=request)
    return record


@transaction.atomic
def record_update(
    *,
    record: GlobalRecord,
    actor: User,
    data: dict,
    aliases: Iterable[str] | None = None,
    documents: Iterable[dict] | None = None,
    nationalities: Iterable[Country] | None = None,
    request=None,
) -> GlobalRecord:
    """Change a record's fields (the owner only: callers check ncb.access.may_edit)."""
    # Compared with the stored row: a ModelForm has already written the new values onto the instance.
    stored = type(record).objects.filter(pk=record.pk).values(*data).first() or {}
    changed = [name for name, value in data.items() if stored.get(name) != value]
    for name, value in data.items():
        setattr(record, name, value)
    if isinstance(record, Person):
        # The Latin forms follow the names unless the owner typed them.
        for field in ("family_name_latin", "given_names_latin"):
            if field not in data:
                setattr(record, field, "")
    with identifier_errors_as_validation():
        fill_keys(record)
    _check_status(record)
    record.full_clean(exclude=["restriction_countries"])
    record.save(update_fields=list(dict.fromkeys([*data, *KEY_FIELDS[type(record).__name__], "updated_at"])))
    if isinstance(record, Person):
        person_set_related(person=record, aliases=aliases, documents=documents, nationalities=nationalities)
    record_saved(record=record)
    audit_record(
        actor=actor, action=f"{record.DATABASE}.update", target=record, query={"fields": changed}, request=request
    )
    return record


def person_set_related(
    *,
    person: Person,
    aliases: Iterable[str] | None,
    documents: Iterable[dict] | None,
    nationalities: Iterable[Country] | None,
) -> None:
    """Replace a person's aliases, identity documents and nationalities (None leaves them as they are)."""
    if aliases is not None:
        person.aliases.all().delete()
        PersonAlias.objects.bulk_create(alias_rows(person, aliases))
    if documents is not None:
        person.documents.all().delete()
        rows = []
        for document in documents:
            row = PersonDocument(person=person, **document)
            with identifier_errors_as_validation():
                row.issuing_country = country_or_error(row.issuing_country, "issuing_country")
                row.number_normalized = normalize_document_number(row.number)
            rows.append(row)
        PersonDocument.objects.bulk_create(rows)
    if nationalities is not None:
        person.nationalities.set(list(nationalities))


def alias_rows(person: Person, aliases: Iterable[str]) -> list[PersonAlias]:
    """Alias rows with their Latin form and search key, duplicates dropped."""
    names = dict.fromkeys(" ".join(a.split()) for a in aliases if a and a.strip())
    return [PersonAlias(person=person, name=n[:200], name_latin=latin(n)[:200], name_key=name_key(n)) for n in names]


@transaction.atomic
def record_close(*, record: GlobalRecord, actor: User, status: str, request=None) -> GlobalRecord:
    """Mark a record recovered (found, located) or cancelled: it stops answering checks and stays as history."""
    if status not in CLOSED_STATUSES:
        raise ValidationError({"status": [_("A record is closed as recovered or cancelled.")]})
    record.status = status
    record.save(update_fields=["status", "updated_at"])
    audit_record(actor=actor, action=f"{record.DATABASE}.{status}", target=record, request=request)
    return record


@transaction.atomic
def record_review(*, record: GlobalRecord, actor: User, request=None) -> GlobalRecord:
    """The owner confirms the record is still accurate: it answers checks for another review period."""
    record.reviewed_at = timezone.now()
    record.review_by = add_years(timezone.localdate(), settings.RECORD_REVIEW_YEARS)
    record.review_reminded_at = None
    record.save(update_fields=["reviewed_at", "review_by", "review_reminded_at", "updated_at"])
    audit_record(
        actor=actor,
        action=f"{record.DATABASE}.review",
        target=record,
        request=request,
        outcome=f"review by {record.review_by:%Y-%m-%d}",
    )
    return record


def record_viewed(*, record: GlobalRecord, actor: User, request=None) -> None:
    """Audit that a user opened a record (data rules: every view is recorded)."""
    audit_record(actor=actor, action=f"{record.DATABASE}.view", target=record, request=request)


def record_searched(*, actor: User, database: str, query: dict, count: int, request=None) -> None:
    """Audit a search of a database (data rules: every search is recorded)."""
    audit_record(actor=actor, action=f"{database}.search", query=query, outcome=f"{count} results", request=request)
