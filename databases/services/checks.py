"""Real-time checks: one indexed look-up, one audit row, and a hit recorded for each visible match.

The access policy is evaluated in the same query (an annotation), so a record restricted against the
querying country is never shown: the check answers a plain "no hit" and the owner is told of the attempt.
Records past their review date and closed records (recovered, cancelled) are left out by the query.
"""

import functools
import io
import json
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from django.conf import settings
from django.db import connection, transaction
from django.db.models import BooleanField, ExpressionWrapper, Q, Value
from django.utils import timezone
from django.utils.translation import gettext

from interpol_portal.prepared import STAND_IN_DATE, STAND_IN_IDS, CompiledQuery, execute_prepared, id_array
from ncb.access import STAND_IN_UNIT_ID, STAND_IN_VIEWER, stand_in_values, visibility_q, visibility_stand_in_q
from ncb.models import AuditEntry, Country, Unit, User
from ncb.services import audit_bulk, audit_record, audit_target_columns, client_ip, restricted_attempt_notify, storable

from ..choices import ACTIVE_STATUSES
from ..copy_format import copy_field
from ..identifiers import IdentifierError
from ..models import GlobalRecord, Hit
from .hits import hit_record
from .lookups import Lookup, parse_check

# What a match tells the querying officer about the record, per model (never the restriction or remarks).
MATCH_FIELDS = {
    "TravelDocument": ("document_type", "number_normalized", "issuing_country", "date_of_expiry"),
    "Vehicle": ("vin", "plate_normalized", "plate_country", "make", "model", "colour", "year"),
    "Firearm": ("make", "model", "serial_normalized", "calibre", "firearm_type"),
}


@dataclass(slots=True)
class CheckResult:
    """The answer to one check: {"hit": bool, "matches": [...]}, or an error naming the bad field."""

    matches: list[dict] = field(default_factory=list)
    error: dict | None = None

    @property
    def hit(self) -> bool:
        return bool(self.matches)

    def as_dict(self) -> dict:
        answer: dict = {"hit": self.hit, "matches": self.matches}
        if self.error is not None:
            answer["error"] = self.error
        return answer


def _candidates(model: type[GlobalRecord], condition: Q, user: User, limit: int | None = None) -> list[GlobalRecord]:
    """Active, reviewed records meeting `condition`, each annotated `_visible` by the access policy."""
    records = model.objects.filter(
        condition, status__in=ACTIVE_STATUSES, review_by__gte=timezone.localdate()
    ).select_related("owner__country")
    visible = Q() if user.is_superuser else visibility_q(model, user.unit)
    if visible.children:
        records = records.annotate(_visible=ExpressionWrapper(visible, output_field=BooleanField()))
    return list(records.order_by()[:limit] if limit else records.order_by())


# The query key's stand-in in the compiled statement of known hits (interpol_portal.prepared.CompiledQuery).
_QUERY_KEY = "\x01query key"


def _check_candidates(model: type[GlobalRecord], ids: list[int], user: User) -> list[GlobalRecord]:
    """_candidates for the few ids of one check, by a statement compiled and prepared once per model.

    The records come with their owner and its country, as select_related gives them. Same query, same access
    policy as _candidates: the ORM builds it, once, with stand-ins where the ids, the date and the unit go.
    """
    unit = user.unit
    policy = not user.is_superuser and not unit.sees_all_records
    viewer = stand_in_values(unit) if policy else {}
    if viewer is None:
        return _candidates(model, Q(pk__in=ids), user, limit=settings.CHECK_MAX_MATCHES * 4)
    compiled, widths = _candidates_statement(model, policy)
    rows = compiled.rows(ids=ids, today=timezone.localdate(), **viewer)
    records = []
    record_width, unit_width = widths
    for row in rows:
        record = model.from_db(connection.alias, _attnames(model), row[:record_width])
        owner = Unit.from_db(connection.alias, _attnames(Unit), row[record_width : record_width + unit_width])
        if owner.country_id is not None:
            owner.country = Country.from_db(connection.alias, _attnames(Country), row[record_width + unit_width : -1])
        record.owner = owner
        record._visible = row[-1]
        records.append(record)
    return records


@functools.cache
def _attnames(model) -> tuple[str, ...]:
    return tuple(field.attname for field in model._meta.concrete_fields)


@functools.cache
def _candidates_statement(model: type[GlobalRecord], policy: bool) -> tuple[CompiledQuery, tuple[int, int]]:
    records = model.objects.filter(
        pk__in=id_array(STAND_IN_IDS), status__in=ACTIVE_STATUSES, review_by__gte=STAND_IN_DATE
    )
    stand_ins = {"ids": STAND_IN_IDS, "today": STAND_IN_DATE}
    if policy:
        records = records.annotate(
            _visible=ExpressionWrapper(visibility_stand_in_q(model), output_field=BooleanField())
        )
        stand_ins.update(STAND_IN_VIEWER)
    else:
        records = records.annotate(_visible=Value(True, output_field=BooleanField()))
    columns = [
        *_attnames(model),
        *(f"owner__{name}" for name in _attnames(Unit)),
        *(f"owner__country__{name}" for name in _attnames(Country)),
        "_visible",
    ]
    limited = records.order_by().values_list(*columns)[: settings.CHECK_MAX_MATCHES * 4]
    return CompiledQuery(limited, **stand_ins), (len(_attnames(model)), len(_attnames(Unit)))


def _check_known_hits(lookup: Lookup, records: Sequence[GlobalRecord], user: User) -> dict[tuple, int]:
    """_known_hits for one check, by a statement compiled and prepared once per model."""
    model = lookup.model
    rows = _hits_statement(model).rows(
        unit=user.unit_id, ids=[record.pk for record in records], key=lookup.query_key[:255]
    )
    return {(model.DATABASE, record_id, lookup.query_key[:255]): hit_id for record_id, hit_id in rows}


@functools.cache
def _hits_statement(model: type[GlobalRecord]) -> CompiledQuery:
    hits = Hit.objects.filter(
        unit_id=STAND_IN_UNIT_ID,
        database=model.DATABASE,
        record_id__in=id_array(STAND_IN_IDS),
        query_key=_QUERY_KEY,
    )
    return CompiledQuery(
        hits.order_by().values_list("record_id", "id"), unit=STAND_IN_UNIT_ID, ids=STAND_IN_IDS, key=_QUERY_KEY
    )


def _matching_ids(lookup: Lookup) -> list[int]:
    """The hot path: ids of active, reviewed records with the lookup's key, in one indexed query.

    The statement is compiled once per table and key because compiling the ORM query cost more than running
    it (docs/benchmarks.md); the column names come from Lookup, never from the request, and every value is a
    parameter. Most checks end here with no row; a hit loads its records with the access policy applied (_candidates).
    """
    columns = {lookup.index[0]: lookup.index[1], **lookup.extra}
    params = [*columns.values(), *ACTIVE_STATUSES, timezone.localdate()]
    with connection.cursor() as cursor:
        cursor.execute(_matching_sql(lookup.model, tuple(columns)), params)
        return [row[0] for row in cursor.fetchall()]


def _matching_ids_or_audit(lookup: Lookup, audit: tuple) -> list[int]:
    """_matching_ids, and the check's audit row (`audit`, "no hit") written by the same statement when it finds
    nothing: nine checks in ten find nothing, and cost one round trip and one commit. A check that finds
    records is audited once the access policy has been applied to them (check)."""
    columns = {lookup.index[0]: lookup.index[1], **lookup.extra}
    params = [*columns.values(), *ACTIVE_STATUSES, timezone.localdate(), *audit]
    with connection.cursor() as cursor:
        execute_prepared(cursor, _matching_or_audit_sql(lookup.model, tuple(columns)), params)
        return [row[0] for row in cursor.fetchall()]


@functools.cache
def _matching_or_audit_sql(model: type[GlobalRecord], columns: tuple[str, ...]) -> str:
    from psycopg2.sql import SQL

    insert = _audit_into("INSERT INTO {table} ({columns}) SELECT {values} WHERE NOT EXISTS (SELECT 1 FROM found)")
    # The look-up is the ORM's compiled text (parameters as %s), never a request value.
    statement = SQL("WITH found AS ({lookup}), audited AS ({insert}) SELECT id FROM found").format(
        lookup=SQL(_matching_sql(model, columns)), insert=insert
    )
    with connection.cursor() as cursor:
        return statement.as_string(cursor.connection)


_matching_statements: dict[tuple, str] = {}


def _matching_sql(model: type[GlobalRecord], columns: tuple[str, ...]) -> str:
    """The look-up statement of one table and key, compiled by the ORM once and then reused with new values.

    One filter() per condition keeps the parameters in the order _matching_ids gives them."""
    limit = settings.CHECK_MAX_MATCHES * 4
    key = (model, columns, limit, connection.vendor)
    if key not in _matching_statements:
        records = model.objects.order_by()
        for name in columns:
            records = records.filter(**{name: ""})
        records = records.filter(status__in=ACTIVE_STATUSES).filter(review_by__gte=timezone.localdate())
        statement, _params = records.values_list("id", flat=True)[:limit].query.sql_with_params()
        _matching_statements[key] = statement
    return _matching_statements[key]


def _match(record: GlobalRecord, lookup: Lookup, hit_id: int) -> dict:
    exact = getattr(record, lookup.exact[0]) == lookup.exact[1]
    owner = record.owner
    match = {
        "database": record.DATABASE,
        "id": record.pk,
        "reference": record.reference,
        "owner": owner.code,
        "owner_country": owner.country.iso2 if owner.country_id else None,
        "status": record.status,
        "rule": "exact" if exact else "confusion",
        "reason": gettext("Exact match") if exact else gettext("Match allowing for misread characters (O/0, I/1...)"),
        "score": 1.0 if exact else 0.9,
        "hit_id": hit_id,
    }
    for name in MATCH_FIELDS[type(record).__name__]:
        value = getattr(record, name)
        match[name] = value.isoformat() if hasattr(value, "isoformat") else value
    return match


def _answer(
    lookup: Lookup, records: Sequence[GlobalRecord], user: User, known_hits: Mapping[tuple, int] | None = None
) -> CheckResult:
    """Turn fetched candidates into the answer: hits for visible ones, the owner told of hidden ones.

    `known_hits` (batch checks): hits this unit's same query already recorded, by (database, record id, query
    key); a border system re-checking a flagged document then costs no query at all.
    """
    result = CheckResult()
    if not records:
        return result
    known_hits = known_hits or {}
    with transaction.atomic():
        for record in records[: settings.CHECK_MAX_MATCHES]:
            if not getattr(record, "_visible", True):
                # Plain "no hit" for an excluded country; the owner still learns of the attempt (data rules).
                restricted_attempt_notify(record=record, viewer=user, action=f"check.{lookup.type}")
                continue
            exact = getattr(record, lookup.exact[0]) == lookup.exact[1]
            hit_id = known_hits.get((record.DATABASE, record.pk, lookup.query_key[:255]))
            if hit_id is None:
                hit, _created = hit_record(
                    record=record,
                    unit=user.unit,
                    user=user,
                    query=lookup.query,
                    query_key=lookup.query_key,
                    rule="exact" if exact else "confusion",
                    score=1.0 if exact else 0.9,
                    reason="exact match" if exact else "match allowing for misread characters",
                )
                hit_id = hit.pk
            result.matches.append(_match(record, lookup, hit_id))
    return result


def _known_hits(user: User, matched: Sequence[tuple[Lookup, Sequence[GlobalRecord]]]) -> dict[tuple, int]:
    """Hits already recorded for these lookups by the user's unit, in one query (batch checks)."""
    pairs = {(record.DATABASE, record.pk, lookup.query_key[:255]) for lookup, rows in matched for record in rows}
    if not pairs:
        return {}
    rows = Hit.objects.filter(
        unit_id=user.unit_id,
        database__in={database for database, _pk, _key in pairs},
        record_id__in={pk for _database, pk, _key in pairs},
        query_key__in={key for _database, _pk, key in pairs},
    ).values_list("database", "record_id", "query_key", "id")
    return {(database, pk, key): hit_id for database, pk, key, hit_id in rows if (database, pk, key) in pairs}


def _error(error: IdentifierError) -> dict:
    return {"field": error.field, "code": error.code, "message": str(error.message)}


def check(*, check_type: str, data: Mapping, user: User, request=None) -> CheckResult:
    """Check one travel document, vehicle or firearm in real time. Audited, hit or not."""
    action = f"check.{check_type}"
    try:
        lookup = parse_check(check_type, data)
    except IdentifierError as error:
        audit_record(actor=user, action=action, query=dict(data), outcome=f"invalid {error.field}", request=request)
        return CheckResult(error=_error(error))
    ip = client_ip(request)
    if user.unit_id is None and not user.is_superuser:
        _audit_rows(user=user, ip=ip, action=action, rows=[(lookup.query, "no hit", None)])
        return CheckResult()
    if connection.vendor == "postgresql":
        ids = _matching_ids_or_audit(lookup, _audit_values(user, ip, action, lookup.query, "no hit", None))
        if not ids:
            return CheckResult()  # audited by the same statement
        records = _check_candidates(lookup.model, ids, user)
        result = _answer(lookup, records, user, _check_known_hits(lookup, records, user) if records else None)
    else:
        ids = _matching_ids(lookup)
        records = _candidates(lookup.model, Q(pk__in=ids), user, limit=settings.CHECK_MAX_MATCHES * 4) if ids else []
        result = _answer(lookup, records, user)
    target = records[0] if result.hit else None
    outcome = "hit" if result.hit else "no hit"
    _audit_rows(user=user, ip=ip, action=action, rows=[(lookup.query, outcome, target)])
    return result


def check_batch(*, items: Sequence[Mapping], user: User, request=None) -> list[CheckResult]:
    """Check up to CHECK_BATCH_MAX_ITEMS identifiers: one query per kind of key, one bulk audit insert."""
    lookups: list[Lookup | None] = []
    results: list[CheckResult] = []
    for item in items:
        try:
            lookups.append(parse_check(str(item.get("type", "")), item))
            results.append(CheckResult())
        except IdentifierError as error:
            lookups.append(None)
            results.append(CheckResult(error=_error(error)))
    # Group by (model, indexed column): `column IN (...)`, then each item keeps the rows with its key.
    groups: dict[tuple, set] = defaultdict(set)
    for lookup in lookups:
        if lookup is not None:
            groups[(lookup.model, lookup.index[0])].add(lookup.index[1])
    fetched: dict[tuple, list] = defaultdict(list)
    if user.unit_id is not None or user.is_superuser:
        for (model, column), keys in groups.items():
            for record in _candidates(model, Q(**{f"{column}__in": keys}), user):
                fetched[(model, column, getattr(record, column))].append(record)
    ip = client_ip(request)
    matched = {
        index: (lookup, rows)
        for index, lookup in enumerate(lookups)
        if lookup is not None
        and (rows := [r for r in fetched.get((lookup.model, *lookup.index), ()) if lookup.matches(r)])
    }
    known_hits = _known_hits(user, list(matched.values()))
    audit_rows = []
    for index, lookup in enumerate(lookups):
        if index in matched:
            results[index] = _answer(lookup, matched[index][1], user, known_hits)
        outcome = "invalid" if lookup is None else ("hit" if results[index].hit else "no hit")
        audit_rows.append((lookup.query if lookup else dict(items[index]), outcome, None))
    _audit_rows(user=user, ip=ip, action="check.batch", rows=audit_rows)
    return results


_AUDIT_COLUMNS = (
    "at",
    "actor_id",
    "actor_username",
    "unit_id",
    "action",
    "target_type",
    "target_id",
    "target_repr",
    "query",
    "outcome",
    "ip_address",
)


def _audit_rows(*, user: User, ip: str | None, action: str, rows: list[tuple[dict, str, object]]) -> None:
    """Audit rows of checks, (query, outcome, target record or None) each, in one INSERT.

    On PostgreSQL the rows go through psycopg2's execute_values with a statement composed once: building
    AuditEntry objects and saving them through the ORM cost more than the look-up itself, for a single check as
    for 1,000 (docs/benchmarks.md). The trail stays append-only either way.
    """
    now = timezone.now()
    if connection.vendor != "postgresql":
        audit_bulk(
            AuditEntry(
                actor=user,
                actor_username=user.get_username(),
                unit_id=user.unit_id,
                action=action,
                query=storable(query),
                outcome=outcome,
                ip_address=ip,
                **audit_target_columns(target),
            )
            for query, outcome, target in rows
        )
        return
    if len(rows) >= COPY_FROM_ROWS:
        _audit_copy(user=user, ip=ip, action=action, rows=rows, at=now)
        return
    if len(rows) == 1:  # a single check: a statement prepared once per connection
        ((query, outcome, target),) = rows
        with connection.cursor() as cursor:
            execute_prepared(
                cursor, _audit_one_statement(), _audit_values(user, ip, action, query, outcome, target, now)
            )
        return
    from psycopg2.extras import Json, execute_values

    values = [_audit_values(user, ip, action, query, outcome, target, now, Json) for query, outcome, target in rows]
    with connection.cursor() as cursor:
        execute_values(cursor.cursor, _audit_statement(), values, page_size=1000)


def _audit_values(user: User, ip: str | None, action: str, query, outcome: str, target, at=None, as_json=json.dumps):
    """One audit row's values, in the order of _AUDIT_COLUMNS."""
    columns = audit_target_columns(target)
    return (at or timezone.now(), user.pk, user.get_username(), user.unit_id, action, columns["target_type"]) + (
        columns["target_id"],
        columns["target_repr"],
        as_json(storable(query)),
        outcome,
        ip,
    )


# From this many rows a batch's audit rows go through COPY: no statement text to build and parse per row.
COPY_FROM_ROWS = 50


def _audit_copy(*, user: User, ip: str | None, action: str, rows: list[tuple[dict, str, object]], at) -> None:
    # What every row of the batch shares is escaped once.
    head = "\t".join(map(copy_field, (at.isoformat(), user.pk, user.get_username(), user.unit_id, action)))
    tail = copy_field(ip)
    no_target = "\t".join(map(copy_field, audit_target_columns(None).values()))
    lines = []
    for query, outcome, target in rows:
        columns = no_target if target is None else "\t".join(map(copy_field, audit_target_columns(target).values()))
        lines.append(f"{head}\t{columns}\t{copy_field(_audit_json(query))}\t{copy_field(outcome)}\t{tail}\n")
    with connection.cursor() as cursor:
        cursor.cursor.copy_expert(_audit_copy_statement(), io.StringIO("".join(lines)))


def _audit_json(query) -> str:
    """The query as JSON text for the audit row; NUL characters, which jsonb refuses, taken out only if present."""
    text = json.dumps(query)
    return json.dumps(storable(query)) if "\\u0000" in text else text


def _audit_into(template: str):
    """`template` with the audit table, _AUDIT_COLUMNS and _TYPED_AUDIT_VALUES for {table}, {columns}, {values}."""
    from psycopg2.sql import SQL, Identifier

    return SQL(template).format(
        table=Identifier(AuditEntry._meta.db_table),
        columns=SQL(", ").join(map(Identifier, _AUDIT_COLUMNS)),
        values=SQL(_TYPED_AUDIT_VALUES),
    )


@functools.cache
def _audit_copy_statement() -> str:
    with connection.cursor() as cursor:
        return _audit_into("COPY {table} ({columns}) FROM STDIN").as_string(cursor.connection)


# The values of an audit row as typed parameters, in the order of _AUDIT_COLUMNS (PREPARE needs their types).
_TYPED_AUDIT_VALUES = (
    "%s::timestamptz, %s::bigint, %s::varchar, %s::bigint, %s::varchar, %s::varchar, %s::varchar, %s::varchar, "
    "%s::jsonb, %s::varchar, %s::inet"
)


@functools.cache
def _audit_one_statement() -> str:
    with connection.cursor() as cursor:
        return _audit_into("INSERT INTO {table} ({columns}) VALUES ({values})").as_string(cursor.connection)


@functools.cache
def _audit_statement():
    return _audit_into("INSERT INTO {table} ({columns}) VALUES %s")
