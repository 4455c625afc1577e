"""The person blocking-key table and candidate retrieval: index look-ups, then scoring.

Keys come from databases.matching.blocking (the pure core); this module stores them (PersonKey) with each person's
template (PersonTemplate: the person packed for the C scoring, without frequency weights), finds the persons
sharing a query's keys, and decides them from their templates in C (candidates_scored). A person without a current
template, or one that reaches the threshold and must be explained, is turned into the core's PreparedPerson,
cached per process by (id, updated_at).
"""

import datetime
import functools
import io
import logging
import threading
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice
from typing import NamedTuple

from django.conf import settings
from django.contrib.postgres.expressions import ArraySubquery
from django.db import connection, transaction
from django.db.models import BooleanField, Exists, ExpressionWrapper, OuterRef, Q, Value
from django.utils import timezone

from interpol_portal.prepared import STAND_IN_DATE, STAND_IN_IDS, CompiledQuery, id_array
from ncb.access import STAND_IN_VIEWER, stand_in_values, visibility_q, visibility_stand_in_q

from ..choices import ACTIVE_STATUSES
from ..copy_format import copy_line, vacuum_analyze
from ..matching import key_version, template_version
from ..matching import persons as core
from ..matching.dates import PartialDate, parse_partial_date
from ..matching.frequencies import NameFrequencies
from ..matching.phonetic import NATIVE
from ..models import Person, PersonAlias, PersonKey, PersonKeyVersion, PersonTemplate

KEY_LENGTH = PersonKey._meta.get_field("key").max_length
# Person rows read to build the name frequencies: a sample is as good as the whole table for weights.
FREQUENCY_SAMPLE = 50_000
FREQUENCY_TTL = 3600
FREQUENCY_RETRY = 60  # seconds before a failed rebuild is tried again

logger = logging.getLogger(__name__)


def core_person(
    *,
    family_name: str,
    given_names: str = "",
    aliases: Sequence[str] = (),
    date_of_birth: str | None = None,
    sex: str | None = None,
    nationalities: Sequence[str] = (),
) -> core.Person:
    """The core's Person from portal values; sex U/X and empty values count as unknown."""
    return core.Person(
        family_name=family_name,
        given_names=given_names or "",
        aliases=tuple(a for a in aliases if a),
        date_of_birth=date_of_birth or None,
        sex=sex if sex in ("M", "F") else None,
        nationalities=tuple(nationalities),
    )


def row_aliases(family_name: str, given_names: str, latin_family: str, latin_given: str, aliases: list[str]):
    """A person's other names: its aliases and the Latin form its owner typed for a name in another script."""
    # A Latin form typed by the owner (not derived) is one more spelling to find the person under.
    extra = []
    if latin_family and not family_name.isascii():
        extra.append(f"{latin_family} {latin_given}".strip())
    return [*aliases, *extra]


def person_keys_of(family_name: str, given_names: str, aliases: Sequence[str]) -> set[str]:
    """The stored keys of a person (the core's blocking_keys, cut to the column's width).

    blocking_keys keys each name (the main one, each alias) on its own, so the union of per-name keys is the same
    set; names repeat across a population, and caching them per name makes a rebuild of a million persons
    several times faster.
    """
    keys = set(_name_keys(family_name, given_names))
    for alias in aliases:
        keys.update(_name_keys(alias, ""))
    return keys


# A name's keys take about 5 KB: the bound keeps this cache under 250 MB in any process.
@lru_cache(maxsize=50_000)
def _name_keys(family_name: str, given_names: str) -> frozenset[str]:
    return frozenset(key[:KEY_LENGTH] for key in core.blocking_keys(family_name, given_names))


@lru_cache(maxsize=50_000)
def probe_keys(family_name: str, given_names: str) -> frozenset[str]:
    """The keys looked up for one name (the core's query_keys, cut to the column's width)."""
    return frozenset(key[:KEY_LENGTH] for key in core.query_keys(family_name, given_names))


# --- stored keys ----------------------------------------------------------------------------------------------


KeyRow = tuple[int, str, PartialDate | None]
TemplateRow = tuple[int, datetime.datetime, bytes]


@dataclass(slots=True)
class StoredInputs:
    """What the stored matching data of some persons is made from: their keys and their templates."""

    keys: list[KeyRow]
    templates: list[TemplateRow]


def _stored_inputs(person_ids: Sequence[int], *, keys: bool = True) -> StoredInputs:
    """Keys (unless not `keys`) and templates of the given persons: one query each for persons, aliases and
    nationalities."""
    ids = list(person_ids)
    aliases, nationalities = _related(ids)
    result = StoredInputs([], [])
    for row in map(PersonRow._make, Person.objects.filter(pk__in=id_array(ids)).values_list(*PERSON_COLUMNS)):
        if keys:
            names = _row_aliases(row, aliases)
            date = parse_partial_date(row.date_of_birth)
            result.keys.extend((row.id, key, date) for key in person_keys_of(row.family_name, row.given_names, names))
        if NATIVE is None:
            continue  # templates are for the C scoring
        packed = core.template(_prepared_row(row, aliases, nationalities))
        if packed is not None:
            result.templates.append((row.id, row.updated_at, packed))
    return result


def _key(pk: int, key: str, date: PartialDate | None) -> PersonKey:
    year, month, day = date or (None, None, None)
    return PersonKey(person_id=pk, key=key, birth_year=year, birth_month=month, birth_day=day)


def _template(pk: int, updated: datetime.datetime, packed: bytes) -> PersonTemplate:
    return PersonTemplate(person_id=pk, version=template_version(), updated_at=updated, data=packed)


@transaction.atomic
def person_keys_refresh(*, person_ids: Sequence[int]) -> int:
    """Replace the blocking keys and templates of these persons (after a save or an import chunk); return keys
    written."""
    person_ids = list(person_ids)
    if not person_ids:
        return 0
    PersonKey.objects.filter(person_id__in=person_ids).delete()
    PersonTemplate.objects.filter(person_id__in=person_ids).delete()
    inputs = _stored_inputs(person_ids)
    PersonKey.objects.bulk_create([_key(*row) for row in inputs.keys], batch_size=5000)
    PersonTemplate.objects.bulk_create([_template(*row) for row in inputs.templates], batch_size=2000)
    # The first keys of an empty table set its version; later ones keep it (the rest of the table may be older).
    PersonKeyVersion.objects.bulk_create([_key_version_row()], ignore_conflicts=True)
    return len(inputs.keys)


def _key_version_row() -> PersonKeyVersion:
    return PersonKeyVersion(version=key_version(), written_at=timezone.now())


def _key_version_save() -> None:
    """Record that this code wrote the whole table (after a rebuild)."""
    row = _key_version_row()
    PersonKeyVersion.objects.update_or_create(
        pk=row.pk, defaults={"version": row.version, "written_at": row.written_at}
    )


def key_table_current() -> bool:
    """False when the stored blocking keys were written by other matching code (`rebuild_match_keys` is due):
    persons saved before the change are not found under the keys that this code looks up."""
    stored = PersonKeyVersion.objects.values_list("version", flat=True).first()
    if stored is None:
        return not PersonKey.objects.exists()
    return stored == key_version()


# Indexes of a table that no constraint owns (the primary key's stays: COPY fills it cheaply in id order).
SECONDARY_INDEXES_SQL = """
    SELECT i.indexname, i.indexdef FROM pg_indexes i
    WHERE i.tablename = %s AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)
"""
FOREIGN_KEYS_SQL = (
    "SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = %s::regclass AND contype = 'f'"
)


def person_keys_rebuild(*, chunk: int = 20_000, stdout=None) -> int:
    """Recompute the whole key table and the templates in chunks of person ids (PostgreSQL COPY when available).

    On PostgreSQL the table is emptied, loaded and re-indexed in one transaction: COPY into a table without its
    secondary indexes and building them afterwards is several times faster than updating them row by row (tens
    of millions of keys for a million persons), and a failure leaves the previous keys and indexes in place.
    """
    if connection.vendor != "postgresql":
        PersonKey.objects.all().delete()
        PersonTemplate.objects.all().delete()
        total = _keys_load(chunk, stdout)
        _key_version_save()
        return total
    table = PersonKey._meta.db_table
    with transaction.atomic(), connection.cursor() as cursor:
        # Deferred foreign-key checks of this transaction must run before a TRUNCATE.
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        cursor.execute(f"TRUNCATE {table}, {PersonTemplate._meta.db_table}")
        cursor.execute(SECONDARY_INDEXES_SQL, [table])
        indexes = cursor.fetchall()
        cursor.execute(FOREIGN_KEYS_SQL, [table])
        foreign_keys = cursor.fetchall()
        for name, _definition in foreign_keys:
            cursor.execute(f'ALTER TABLE {table} DROP CONSTRAINT "{name}"')
        for name, _definition in indexes:
            cursor.execute(f'DROP INDEX "{name}"')
        total = _keys_load(chunk, stdout)
        started = time.monotonic()
        cursor.execute("SET LOCAL maintenance_work_mem = '512MB'")
        for _name, definition in indexes:
            cursor.execute(definition)
        # One validating join instead of a trigger per row during the COPY.
        for name, definition in foreign_keys:
            cursor.execute(f'ALTER TABLE {table} ADD CONSTRAINT "{name}" {definition}')
        if stdout is not None:
            stdout.write(f"  indexes built in {time.monotonic() - started:.0f} s")
        _key_version_save()
    vacuum_analyze(table)  # the visibility map lets candidate look-ups read the index alone
    vacuum_analyze(PersonTemplate._meta.db_table)
    return total


def person_templates_refresh(*, chunk: int = 20_000, stdout=None) -> int:
    """Write the templates that are missing or outdated (made by other matching code, or before the person's last
    change), in chunks of person ids; return how many were written. The keys are left as they are.

    After a change to databases/matching every template is outdated and ignored (screening stays correct, only
    slower): this brings them back without rebuilding the key table.
    """
    current = PersonTemplate.objects.filter(
        person=OuterRef("pk"), version=template_version(), updated_at=OuterRef("updated_at")
    )
    outdated = Person.objects.filter(~Exists(current)).order_by("pk").values_list("pk", flat=True)
    total = 0
    started = time.monotonic()
    last = 0
    while True:
        ids = list(outdated.filter(pk__gt=last)[:chunk])
        if not ids:
            break
        last = ids[-1]
        templates = _stored_inputs(ids, keys=False).templates
        with transaction.atomic():
            PersonTemplate.objects.filter(person_id__in=ids).delete()
            _write_templates(templates)
        total += len(templates)
        if stdout is not None:
            stdout.write(f"  {last} persons up to id, {total} templates, {time.monotonic() - started:.0f} s")
    return total


def _keys_load(chunk: int, stdout) -> int:
    total = 0
    started = time.monotonic()
    last = 0
    while True:
        ids = list(Person.objects.filter(pk__gt=last).order_by("pk").values_list("pk", flat=True)[:chunk])
        if not ids:
            break
        last = ids[-1]
        inputs = _stored_inputs(ids)
        with transaction.atomic():
            total += _write_keys(inputs.keys)
            _write_templates(inputs.templates)
        if stdout is not None:
            stdout.write(f"  {last} persons up to id, {total} keys, {time.monotonic() - started:.0f} s")
    return total


def _write_keys(rows: list[KeyRow]) -> int:
    if connection.vendor != "postgresql":
        PersonKey.objects.bulk_create([_key(*row) for row in rows], batch_size=5000)
        return len(rows)
    buffer = io.StringIO("".join(copy_line((pk, key, *(date or (None, None, None)))) for pk, key, date in rows))
    columns = "person_id, key, birth_year, birth_month, birth_day"
    with connection.cursor() as cursor:
        cursor.cursor.copy_expert(f"COPY {PersonKey._meta.db_table} ({columns}) FROM STDIN", buffer)
    return len(rows)


def _write_templates(rows: list[TemplateRow]) -> None:
    if connection.vendor != "postgresql":
        PersonTemplate.objects.bulk_create([_template(*row) for row in rows], batch_size=2000)
        return
    version = template_version()
    # bytea in COPY's text format: \x and the hex digits (copy_line escapes the backslash).
    lines = (copy_line((pk, version, updated.isoformat(), "\\x" + packed.hex())) for pk, updated, packed in rows)
    columns = "person_id, version, updated_at, data"
    with connection.cursor() as cursor:
        cursor.cursor.copy_expert(
            f"COPY {PersonTemplate._meta.db_table} ({columns}) FROM STDIN", io.StringIO("".join(lines))
        )


# --- frequencies and prepared persons ---------------------------------------------------------------------------

_lock = threading.Lock()
_first_build = threading.Lock()
_frequencies: tuple[float, NameFrequencies] | None = None
_prepared: dict[int, tuple[object, core.PreparedPerson]] = {}


def name_frequencies() -> NameFrequencies:
    """How common each name is, from a sample of the persons table; rebuilt every FREQUENCY_TTL seconds.

    Building takes seconds at a million persons (the phonetic keys of every sampled name). A gunicorn worker of the
    web builds it as it starts (interpol_portal.runtime.warm_up_screening); otherwise the process's first call waits
    for it, and calls arriving meanwhile wait for that one build. After that an outdated table is rebuilt in a
    background thread while calls go on with it, so that no screening waits seconds once an hour.
    """
    cached = _frequencies
    if cached is None:
        with _first_build:
            return _frequencies_build() if _frequencies is None else _frequencies[1]
    if time.monotonic() - cached[0] >= FREQUENCY_TTL and not _rebuilding.locked():
        threading.Thread(target=_frequencies_rebuild, name="name-frequencies", daemon=True).start()
    return cached[1]


def _frequencies_build() -> NameFrequencies:
    global _frequencies
    names: list[str] = []
    for family, given in _frequency_sample():
        names.append(family)
        if given:
            names.append(given)
    frequencies = NameFrequencies.from_names(names) if names else NameFrequencies({})
    frequencies.key_weights()  # what templates are weighed with, built here rather than in a screening
    _frequencies = (time.monotonic(), frequencies)
    return frequencies


_rebuilding = threading.Lock()


def _frequencies_rebuild() -> None:
    if not _rebuilding.acquire(blocking=False):
        return  # another thread is at it
    global _frequencies
    try:
        _frequencies_build()
    except Exception:
        logger.exception("rebuilding the name frequencies failed; the previous table is kept")
        if _frequencies is not None:  # tried again in a minute, not at every call
            _frequencies = (time.monotonic() - FREQUENCY_TTL + FREQUENCY_RETRY, _frequencies[1])
    finally:
        connection.close()  # this thread's own connection
        _rebuilding.release()


def _frequency_sample() -> list[tuple[str, str]]:
    table = Person._meta.db_table
    count = Person.objects.count() if connection.vendor != "postgresql" else _estimated_rows(table)
    if connection.vendor == "postgresql" and count > FREQUENCY_SAMPLE * 2:
        percent = min(100.0, 100.0 * FREQUENCY_SAMPLE / count)
        with connection.cursor() as cursor:
            from psycopg2.sql import SQL, Identifier

            # The same sample in every process while the table is unchanged: a pair scores the same whichever
            # worker or page scores it.
            statement = SQL("SELECT family_name, given_names FROM {} TABLESAMPLE SYSTEM (%s) REPEATABLE (7)").format(
                Identifier(table)
            )
            cursor.execute(statement.as_string(cursor.connection), [percent])
            return cursor.fetchall()
    return list(Person.objects.values_list("family_name", "given_names")[:FREQUENCY_SAMPLE])


def _estimated_rows(table: str) -> int:
    with connection.cursor() as cursor:
        cursor.execute("SELECT reltuples::bigint FROM pg_class WHERE relname = %s", [table])
        row = cursor.fetchone()
    estimate = int(row[0]) if row and row[0] and row[0] > 0 else 0
    return estimate or Person.objects.count()


def forget_frequencies() -> None:
    """Drop the cached frequencies and prepared persons (tests, after a bulk load)."""
    global _frequencies
    _frequencies = None
    _prepared.clear()


@dataclass(slots=True)
class AnswerColumns:
    """What screening shows of a candidate and prepares it with, read with its row (candidate_rows(answer=True))."""

    status: str
    owner_code: str
    owner_country: str | None  # the owner's country code (None for the General Secretariat)
    aliases: list[str]
    nationalities: list[str]  # ISO 3166 alpha-3 codes


class PersonRow(NamedTuple):
    """A person's columns as matching reads them (PERSON_COLUMNS, in this order).

    A named tuple: a sweep reads hundreds of thousands of rows, and the database's tuples become these for the
    cost of a tuple.
    """

    id: int
    owner_id: int
    reference: str
    updated_at: datetime.datetime
    family_name: str
    given_names: str
    family_name_latin: str
    given_names_latin: str
    date_of_birth: str
    sex: str


PERSON_COLUMNS = ("pk", *PersonRow._fields[1:])


@dataclass(slots=True)
class CandidateRow:
    """A person from the candidate query: what scoring, the access policy and the answer need.

    Scoring needs `prepared`, or the person's stored `template` (then `prepared` is made only if the template
    reaches the threshold, from `person`).
    """

    person: PersonRow
    visible: bool
    prepared: core.PreparedPerson | None
    template: bytes | None = None
    answer: AnswerColumns | None = None

    @property
    def id(self) -> int:
        return self.person.id

    @property
    def owner_id(self) -> int:
        return self.person.owner_id

    @property
    def reference(self) -> str:
        return self.person.reference


def prepared_persons(
    rows: list[PersonRow], related: dict[int, AnswerColumns] | None = None
) -> dict[int, core.PreparedPerson]:
    """PreparedPerson of each row, from the cache or built: with the aliases and nationalities of `related` when it
    has every row's, else read (2 queries)."""
    result: dict[int, core.PreparedPerson] = {}
    missing = []
    for row in rows:
        cached = _prepared.get(row.id)
        if cached is not None and cached[0] == row.updated_at:
            result[row.id] = cached[1]
        else:
            missing.append(row)
    if not missing:
        return result
    if related is not None and all(row.id in related for row in missing):
        aliases = {row.id: related[row.id].aliases for row in missing}
        nationalities = {row.id: related[row.id].nationalities for row in missing}
    else:
        aliases, nationalities = _related([row.id for row in missing])
    with _lock:
        _make_room(len(missing))
        for row in missing:
            prepared = _prepared_row(row, aliases, nationalities)
            _prepared[row.id] = (row.updated_at, prepared)
            result[row.id] = prepared
    return result


def _related(ids: list[int]) -> tuple[dict[int, list[str]], dict[int, list[str]]]:
    """The aliases and the nationalities' codes of these persons, by id: one query each."""
    aliases: dict[int, list[str]] = {}
    for person_id, name in PersonAlias.objects.filter(person_id__in=id_array(ids)).values_list("person_id", "name"):
        aliases.setdefault(person_id, []).append(name)
    nationalities: dict[int, list[str]] = {}
    through = Person.nationalities.through
    nationality_rows = through.objects.filter(person_id__in=id_array(ids)).values_list("person_id", "country__iso3")
    for person_id, iso3 in nationality_rows:
        nationalities.setdefault(person_id, []).append(iso3)
    return aliases, nationalities


def _prepared_row(
    row: PersonRow, aliases: dict[int, list[str]], nationalities: dict[int, list[str]]
) -> core.PreparedPerson:
    """The PreparedPerson of a row, with its aliases and nationalities (from _related)."""
    return core.prepare(
        core_person(
            family_name=row.family_name,
            given_names=row.given_names,
            aliases=_row_aliases(row, aliases),
            date_of_birth=row.date_of_birth,
            sex=row.sex,
            nationalities=nationalities.get(row.id, ()),
        )
    )


def _row_aliases(row: PersonRow, aliases: dict[int, list[str]]) -> list[str]:
    """The names a row is matched under besides its main one: its Latin form and its aliases."""
    return row_aliases(
        row.family_name, row.given_names, row.family_name_latin, row.given_names_latin, aliases.get(row.id, [])
    )


def _make_room(count: int) -> None:
    """Forget the persons prepared first, so that `count` more fit under MATCH_PREPARED_CACHE.

    A few hundred at a time: emptying the whole cache at once freed about a million objects inside one screening
    (150-200 ms, a fifth of the slowest screenings at a million persons).
    """
    overflow = len(_prepared) + count - settings.MATCH_PREPARED_CACHE
    if overflow > 0:
        for pk in list(islice(_prepared, overflow)):
            del _prepared[pk]


# Key rows (alias k) whose date of birth does not conflict with a date {year}-{month}-{day} (core.compare_dates):
# the same year with months unknown, equal, or day and month swapped; a year apart with month and day agreeing
# where known. Only for rows whose year is within one of {year}; the columns are in the index.
IN_REACH = """
    ((k.birth_year = {year} AND ({month} IS NULL OR k.birth_month IS NULL OR k.birth_month = {month}
                                 OR (k.birth_month = {day} AND k.birth_day = {month})))
     OR (k.birth_year <> {year} AND ({month} IS NULL OR k.birth_month IS NULL OR k.birth_month = {month})
         AND ({day} IS NULL OR k.birth_day IS NULL OR k.birth_day = {day})))
"""
# Each part is a plain index range, so PostgreSQL answers from the index alone.
CANDIDATES = """
    SELECT k.person_id FROM databases_personkey k WHERE k.key = ANY(%(keys)s) AND k.birth_year IS NULL
    UNION
    SELECT k.person_id FROM databases_personkey k
    WHERE k.key = ANY(%(keys)s) AND k.birth_year BETWEEN %(year)s - 1 AND %(year)s + 1 AND {reach}
    UNION
    SELECT k.person_id FROM databases_personkey k
    WHERE k.key = ANY(%(dated)s) AND k.birth_year BETWEEN %(year)s - 1 AND %(year)s + 1
        AND k.birth_month IS NOT NULL AND k.birth_day IS NOT NULL AND {reach}
        AND (%(day)s IS NOT NULL OR k.birth_year = %(year)s)
    LIMIT %(cap)s
"""
# Without a date, the persons sharing the most keys with the query first: a common name can be carried by
# thousands, and scoring them all would cost seconds for answers that are cut to the best few anyway.
CANDIDATES_ANY_DATE = """
    SELECT k.person_id FROM databases_personkey k WHERE k.key = ANY(%(keys)s)
    GROUP BY k.person_id ORDER BY count(*) DESC, k.person_id LIMIT %(cap)s
"""


def compose(template: str, reach: tuple[str, str, str]) -> str:
    """`template` with IN_REACH for the SQL expressions (year, month, day) in place of {reach}.

    Composed with psycopg2.sql from constant pieces: nothing from outside is ever formatted into SQL.
    """
    from psycopg2.sql import SQL

    year, month, day = (SQL(expression) for expression in reach)
    statement = SQL(template).format(reach=SQL(IN_REACH).format(year=year, month=month, day=day))
    with connection.cursor() as cursor:
        return statement.as_string(cursor.connection)


@functools.cache
def _candidates_statement() -> str:
    return compose(CANDIDATES, reach=("%(year)s", "%(month)s", "%(day)s"))


def candidate_ids(
    keys: Iterable[str],
    *,
    dob: PartialDate | None = None,
    dated_keys: Iterable[str] = (),
    limit: int | None = None,
) -> list[int]:
    """Ids of persons sharing at least one key (index look-ups).

    With `dob` (the query's date of birth, when a conflicting date cannot reach the threshold), only persons
    whose date does not conflict with it or is unknown, filtered inside the index, at most MATCH_MAX_CANDIDATES;
    and also the persons with a full date of birth in reach who share one of `dated_keys` (in the same year when
    `dob` is partial). Without `dob`, the MATCH_MAX_CANDIDATES_WITHOUT_DATE persons sharing the most keys.
    """
    keys = [key[:KEY_LENGTH] for key in keys]
    # One shared name is enough where the dates narrow it: a full date in reach of the query's, or, for a query
    # that knows the year only (or year and month), a full date of that same year. Never among unknown dates.
    dated = [key[:KEY_LENGTH] for key in dated_keys] if dob is not None else []
    if not keys and not dated:
        return []
    params = {"keys": keys, "dated": dated, "cap": limit or candidate_cap(dob)}
    if dob is not None:
        params.update(zip(("year", "month", "day"), dob, strict=True))
    with connection.cursor() as cursor:
        cursor.execute(_candidates_statement() if dob is not None else CANDIDATES_ANY_DATE, params)
        return [row[0] for row in cursor.fetchall()]


def candidate_cap(dob: PartialDate | None) -> int:
    """How many candidates candidate_ids gives at most (a query that reaches it may have had more)."""
    return settings.MATCH_MAX_CANDIDATES if dob is not None else settings.MATCH_MAX_CANDIDATES_WITHOUT_DATE


def _candidate_rows_query(ids: list[int], today: datetime.date, visible: Q, templates: bool, answer: bool):
    """PERSON_COLUMNS and `visible` (True for all when empty) of the active, reviewed persons among `ids`, with
    their TEMPLATE_COLUMNS when `templates` and ANSWER_COLUMNS when `answer`."""
    persons = Person.objects.filter(pk__in=id_array(ids), status__in=ACTIVE_STATUSES, review_by__gte=today)
    shown = ExpressionWrapper(visible, output_field=BooleanField()) if visible.children else Value(True)
    extra = (TEMPLATE_COLUMNS if templates else ()) + (ANSWER_COLUMNS if answer else ())
    if answer:
        nationalities = Person.nationalities.through.objects.filter(person=OuterRef("pk")).order_by("pk")
        persons = persons.annotate(
            _aliases=PersonAlias.names_array(),
            _nationalities=ArraySubquery(nationalities.values("country__iso3")),
        )
    return persons.annotate(_visible=shown).order_by().values_list(*PERSON_COLUMNS, *extra, "_visible")


TEMPLATE_COLUMNS = ("template__version", "template__updated_at", "template__data")
# AnswerColumns, in its order.
ANSWER_COLUMNS = ("status", "owner__code", "owner__country__iso2", "_aliases", "_nationalities")


@functools.cache
def _candidate_rows_statement(policy: bool, templates: bool, answer: bool) -> CompiledQuery:
    visible = visibility_stand_in_q(Person) if policy else Q()
    return CompiledQuery(
        _candidate_rows_query(STAND_IN_IDS, STAND_IN_DATE, visible, templates, answer),
        ids=STAND_IN_IDS,
        today=STAND_IN_DATE,
        **(STAND_IN_VIEWER if policy else {}),
    )


def candidate_rows(
    ids: Sequence[int],
    *,
    unit,
    dob: PartialDate | None = None,
    threshold: float = 1.0,
    templates: bool = False,
    answer: bool = False,
) -> list[CandidateRow]:
    """Active, reviewed persons among `ids`, each marked visible or not to `unit` by the access policy.

    With `dob`, persons whose date of birth alone keeps them below `threshold` are left out before preparing.
    With `templates`, persons with a current stored template come with it and are not prepared (the others are).
    With `answer`, each row comes with its AnswerColumns: screening's rows are few, and it shows them.
    """
    if not ids:
        return []
    policy = unit is not None and not unit.sees_all_records
    viewer = stand_in_values(unit) if policy else {}
    if connection.vendor == "postgresql" and viewer is not None:
        # Compiled by the ORM and prepared by PostgreSQL once: the same query as below, for a fraction of the time.
        statement = _candidate_rows_statement(policy, templates, answer)
        rows = statement.rows(ids=list(ids), today=timezone.localdate(), **viewer)
    else:
        visible = visibility_q(Person, unit) if policy else Q()
        rows = list(_candidate_rows_query(list(ids), timezone.localdate(), visible, templates, answer))
    width = len(PERSON_COLUMNS)
    read = [(PersonRow._make(row[:width]), row) for row in rows]  # the row goes on with its extra columns
    if dob is not None:
        read = [
            (person, row)
            for person, row in read
            if not core.dates_rule_out(dob, parse_partial_date(person.date_of_birth), threshold)
        ]
    stored: dict[int, bytes] = {}
    if templates:
        version = template_version()
        for person, row in read:
            # A template counts only if made by this code from the row as it is now.
            if row[width] == version and row[width + 1] == person.updated_at:
                stored[person.id] = bytes(row[width + 2])
    answers: dict[int, AnswerColumns] = {}
    if answer:
        start = width + (len(TEMPLATE_COLUMNS) if templates else 0)
        answers = {person.id: AnswerColumns(*row[start : start + len(ANSWER_COLUMNS)]) for person, row in read}
    prepared = prepared_persons([person for person, _row in read if person.id not in stored], answers)
    return [
        CandidateRow(person, bool(row[-1]), prepared.get(person.id), stored.get(person.id), answers.get(person.id))
        for person, row in read
    ]


STORED_TEMPLATES = "SELECT person_id, data FROM databases_persontemplate WHERE person_id = ANY(%s) AND version = %s"


def candidates_worth_reading(query: core.PreparedPerson, ids: list[int], threshold: float) -> list[int]:
    """The ids among `ids` whose rows screening must read: persons whose stored template reaches the threshold in
    C (or comes too close to its rounding to tell), and persons without a template of this code.

    A common name without a date of birth has hundreds of candidates and a few reach the threshold: reading their
    templates alone, from their own small table, costs a fraction of reading and preparing every person's row.
    The template is as current as the person's keys (both are written together); candidate_rows checks it against
    the row of each person kept.
    """
    if not ids or not core.can_decide_templates(threshold):
        return ids
    with connection.cursor() as cursor:
        cursor.execute(STORED_TEMPLATES, [ids, template_version()])
        stored = {pk: bytes(data) for pk, data in cursor.fetchall()}
    if not stored:
        _warn_outdated_templates(len(ids))
        return ids
    templated = list(stored)
    decided = core.decide_templates(query, list(stored.values()), name_frequencies(), threshold)
    dropped = {pk for pk, reaches in zip(templated, decided, strict=True) if reaches is False}
    return [pk for pk in ids if pk not in dropped]


_warned: list[bool] = []


def _warn_outdated_templates(candidates: int) -> None:
    """Say once per process when many candidates had no template of this code: screening is slower until
    `rebuild_match_keys --templates` has run (after a change to databases/matching)."""
    if candidates >= 50 and not _warned:
        _warned.append(True)
        logger.warning(
            "None of %d candidates has a person template of this matching code (version %d): screening prepares "
            "them all. Run `manage.py rebuild_match_keys --templates`.",
            candidates,
            template_version(),
        )


def candidates_scored(
    query: core.PreparedPerson, rows: list[CandidateRow], threshold: float
) -> list[tuple[CandidateRow, core.Score]]:
    """The rows whose persons reach `threshold` with the query, scored and explained, best first (pairs_scored)."""
    scored = pairs_scored([query, *rows], [(0, index) for index in range(1, len(rows) + 1)], threshold)
    ranked = [(rows[index - 1], score) for _query, index, score in scored]
    ranked.sort(key=lambda item: (-item[1].value, item[0].id))  # best first, ties in the order of the records
    return ranked


Subject = CandidateRow | core.PreparedPerson


def pairs_scored(
    subjects: list[Subject], pairs: list[tuple[int, int]], threshold: float
) -> list[tuple[int, int, core.Score]]:
    """The pairs (indexes into `subjects`) whose two persons reach `threshold`, scored and explained, in order.

    Decided in C where it is built, from the rows' stored templates or from prepared persons; only the rows of pairs
    that reach the threshold (or come too close to its rounding for C to tell) are then prepared, to explain the
    score. Elsewhere, the prepared persons are decided in Python (core.reaches_all).
    """
    frequencies = name_frequencies()
    if not core.can_decide_templates(threshold):
        prepared = [_prepared_subject(subject) for subject in subjects]
        decided: list[bool | None] = core.reaches_all(
            [(prepared[a], prepared[b]) for a, b in pairs], frequencies, threshold
        )
    else:
        packed = [
            subject.template
            if isinstance(subject, CandidateRow) and subject.prepared is None
            else _prepared_subject(subject)
            for subject in subjects
        ]
        decided = core.decide_pairs(packed, pairs, frequencies, threshold)
    reached = [(a, b, yes) for (a, b), yes in zip(pairs, decided, strict=True) if yes is not False]
    unprepared = {
        index: subjects[index]
        for a, b, _yes in reached
        for index in (a, b)
        if isinstance(subjects[index], CandidateRow) and subjects[index].prepared is None
    }
    related = {row.id: row.answer for row in unprepared.values() if row.answer is not None}
    prepared_rows = prepared_persons([row.person for row in unprepared.values()], related)
    for row in unprepared.values():
        row.prepared = prepared_rows[row.id]
    scored = []
    for a, b, yes in reached:
        first, second = _prepared_subject(subjects[a]), _prepared_subject(subjects[b])
        if yes or core.reaches(first, second, frequencies, threshold):  # None: too close to the rounding for C
            scored.append((a, b, core.score(first, second, frequencies)))
    return scored


def _prepared_subject(subject: Subject) -> core.PreparedPerson:
    prepared = subject.prepared if isinstance(subject, CandidateRow) else subject
    assert prepared is not None
    return prepared
