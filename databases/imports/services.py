"""Importing a file of records for one owner: bad rows reported by line, good rows saved in bulk, idempotent.

Rows are taken in chunks; each chunk costs one query to find the owner's existing references, one bulk
insert and one bulk update, so 100,000 rows import in well under a minute. A row whose values equal the
stored record changes nothing, so importing the same file twice leaves the database as it was.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import islice
from typing import IO

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ncb.models import Country, Unit, User
from ncb.services import audit_record

from ..choices import Database
from ..models import GlobalRecord, Person, PersonAlias
from ..registry import model_of
from ..services.match_keys import person_keys_refresh
from ..services.records import KEY_FIELDS, alias_rows
from .columns import LIST_COLUMNS, accepted_columns, field_columns
from .readers import ImportFileError, read_rows
from .rows import ParsedRow, RowError, parse_row


@dataclass(slots=True)
class ImportReport:
    imported: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: int = 0
    errors: list[dict] = field(default_factory=list)

    @property
    def processed(self) -> int:
        return self.imported + self.updated + self.unchanged + self.rejected

    def reject(self, line: int, reason: str) -> None:
        self.rejected += 1
        if len(self.errors) < settings.IMPORT_MAX_REPORTED_ERRORS:
            self.errors.append({"line": line, "reason": str(reason)})

    def summary(self) -> str:
        return f"imported {self.imported}, updated {self.updated}, rejected {self.rejected}, unchanged {self.unchanged}"


def _country_index() -> dict[str, int]:
    index: dict[str, int] = {}
    for pk, iso2, iso3 in Country.objects.values_list("pk", "iso2", "iso3"):
        index[iso2.upper()], index[iso3.upper()] = pk, pk
    return index


def records_import(
    *,
    database: str,
    owner: Unit,
    stream: IO[bytes],
    kind: str,
    actor: User | None = None,
    file_name: str = "",
    progress: Callable[[ImportReport], None] | None = None,
) -> ImportReport:
    """Import a CSV or JSON Lines file of `database` records for `owner`; return what happened to each row."""
    model_of(database)  # KeyError for an unknown database, before reading anything
    accepted = accepted_columns(database)
    countries = _country_index()
    report = ImportReport()
    seen: dict[str, int] = {}
    rows = read_rows(stream, kind, LIST_COLUMNS)
    first = True
    while chunk := list(islice(rows, settings.IMPORT_CHUNK_ROWS)):
        parsed = []
        for line, row in chunk:
            unknown = sorted(set(row) - accepted - {"__error__"})
            if unknown and first and kind == "csv":
                raise ImportFileError(_("Unknown columns: {columns}.").format(columns=", ".join(unknown)))
            first = False
            try:
                if unknown:
                    raise RowError(_("Unknown columns: {columns}.").format(columns=", ".join(unknown)))
                item = parse_row(database=database, owner=owner, line=line, row=row, countries=countries)
                if item.record.reference in seen:
                    raise RowError(
                        _("The reference {reference} is already on line {line}.").format(
                            reference=item.record.reference, line=seen[item.record.reference]
                        )
                    )
                seen[item.record.reference] = line
                parsed.append(item)
            except RowError as error:
                report.reject(line, str(error))
        _save_chunk(database=database, owner=owner, parsed=parsed, report=report)
        if progress is not None:
            progress(report)
    audit_record(
        actor=actor, unit=owner, action=f"{database}.import", query={"file": file_name[:200]}, outcome=report.summary()
    )
    return report


def _person_related(person: Person) -> tuple[set[int], list[str]]:
    return {c.pk for c in person.nationalities.all()}, [a.name for a in person.aliases.all()]


@transaction.atomic
def _save_chunk(*, database: str, owner: Unit, parsed: list[ParsedRow], report: ImportReport) -> None:
    if not parsed:
        return
    model = model_of(database)
    is_person = database == Database.PERSONS
    existing_records = model.objects.filter(owner=owner, reference__in=[p.record.reference for p in parsed])
    if is_person:
        existing_records = existing_records.prefetch_related("nationalities", "aliases")
    existing = {r.reference: r for r in existing_records}
    present = set().union(*(p.columns for p in parsed))
    fields = [*field_columns(database, present), *KEY_FIELDS[model.__name__]]
    if database == Database.ARTWORKS:
        fields.append("country_stolen")
    fields = list(dict.fromkeys(fields))
    new: list[ParsedRow] = []
    changed: list[tuple[GlobalRecord, ParsedRow]] = []
    now = timezone.now()
    for item in parsed:
        old = existing.get(item.record.reference)
        if old is None:
            new.append(item)
            continue
        differs = [name for name in fields if getattr(old, name) != getattr(item.record, name)]
        related_differs = is_person and _person_related(old) != (set(item.nationality_ids), item.aliases)
        if not differs and not related_differs:
            report.unchanged += 1
            continue
        for name in fields:
            setattr(old, name, getattr(item.record, name))
        old.updated_at = now
        changed.append((old, item))
    model.objects.bulk_create([item.record for item in new], batch_size=1000)
    if changed:
        model.objects.bulk_update([old for old, _item in changed], [*fields, "updated_at"], batch_size=500)
    if is_person:
        _save_person_related(new=new, changed=changed)
        person_keys_refresh(person_ids=[item.record.pk for item in new] + [old.pk for old, _item in changed])
    report.imported += len(new)
    report.updated += len(changed)


def _save_person_related(*, new: list[ParsedRow], changed: list[tuple[GlobalRecord, ParsedRow]]) -> None:
    through = Person.nationalities.through
    pairs = [(item.record, item) for item in new] + changed
    stale = [person.pk for person, _item in changed]
    if stale:
        through.objects.filter(person_id__in=stale).delete()
        PersonAlias.objects.filter(person_id__in=stale).delete()
    through.objects.bulk_create(
        [
            through(person_id=person.pk, country_id=c)
            for person, item in pairs
            for c in dict.fromkeys(item.nationality_ids)
        ],
        batch_size=2000,
    )
    PersonAlias.objects.bulk_create(
        [alias for person, item in pairs for alias in alias_rows(person, item.aliases)], batch_size=2000
    )
