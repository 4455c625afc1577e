"""Server-side prepared statements for the hottest queries, on PostgreSQL.

psycopg2 sends each statement as text, so PostgreSQL parses and plans it every time. For a real-time check the
planning cost more than the work: the look-up of a document number took 0.17 ms as text and 0.06 ms prepared,
and the look-up with its audit row 0.60 against 0.22 ms (docs/benchmarks.md). A statement run through
`execute_prepared` is prepared once per database connection, then only executed.

A prepared statement lives as long as its session, whatever happens to transactions (PostgreSQL does not roll
PREPARE back). A pooler that hands sessions around between transactions (pgbouncer in transaction mode) would
lose them: the portal connects to PostgreSQL directly.
"""

import datetime
import re
import weakref
from collections.abc import Sequence

from django.db import connection
from django.db.models.expressions import RawSQL
from psycopg2.sql import SQL, Identifier

# Stand-ins for CompiledQuery: a list of ids and a date no query can otherwise contain.
STAND_IN_IDS, STAND_IN_DATE = [-9_001], datetime.date(1900, 1, 2)


def id_array(ids: Sequence[int]) -> RawSQL | list[int]:
    """`pk__in=id_array(ids)`: the ids as one array parameter, where Django would send one parameter per id (and
    compile a statement per count of ids). A plain list on other databases (the SQLite fall-back of `make run`)."""
    if connection.vendor != "postgresql":
        return list(ids)
    return RawSQL("SELECT unnest(%s::bigint[])", [list(ids)])


# Per open connection (psycopg2's, which Django replaces when it reconnects): statement text -> (EXECUTE text, count
# of parameters). The EXECUTE text is composed once: composing it for every run cost about a tenth of a check.
_prepared: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def numbered(statement: str) -> tuple[str, int]:
    """`statement` with its %s placeholders numbered $1, $2... as PREPARE wants them, and how many there are."""
    if re.search(r"%[^s]", statement):
        raise ValueError("Only %s placeholders can be numbered (no %% or %(name)s).")
    count = 0

    def number(_match) -> str:
        nonlocal count
        count += 1
        return f"${count}"

    return re.sub(r"%s", number, statement), count


def execute_prepared(cursor, statement: str, params: Sequence) -> None:
    """cursor.execute(statement, params) for a Django cursor on PostgreSQL, prepared on first use.

    `statement` must be the application's own text (compiled by the ORM or composed with psycopg2.sql), never
    built from a request: it is prepared as it is, and the values only ever travel as parameters.
    """
    statements = _prepared.setdefault(cursor.db.connection, {})
    if statement not in statements:
        text, count = numbered(statement)
        name = Identifier(f"portal_{len(statements) + 1}")
        cursor.execute(SQL("PREPARE {} AS ").format(name) + SQL(text))
        arguments = SQL(" ({})").format(SQL(", ").join([SQL("%s")] * count)) if count else SQL("")
        statements[statement] = (SQL("EXECUTE {}").format(name) + arguments).as_string(cursor.db.connection), count
    execute, count = statements[statement]
    if count != len(params):
        raise ValueError(f"The statement takes {count} parameters, {len(params)} given.")
    cursor.execute(execute, params or None)


class CompiledQuery:
    """A queryset compiled by the ORM once, then run as a prepared statement with new values.

    Compiling a query with joins and the access policy cost more than PostgreSQL's planning and running of it
    together (a check that hits: 3 ms of compiling for 0.2 ms of work). Build the queryset once with a stand-in
    wherever a value changes between runs, and name each stand-in: a value of the right type that the query
    cannot otherwise contain (a negative id, a date in 1900). Each run gives the real values by those names.
    """

    def __init__(self, queryset, **stand_ins):
        compiler = queryset.query.get_compiler(using=queryset.db)
        self.sql, self.constants = compiler.as_sql()
        # The rows are returned as PostgreSQL sends them: no column may need the ORM's conversion (JSON would).
        if compiler.get_converters([column for column, _sql, _alias in compiler.select]):
            raise TypeError("A selected column needs the ORM's conversion: select it through the ORM.")
        self.slots = [
            next((name for name, value in stand_ins.items() if type(value) is type(param) and value == param), None)
            for param in self.constants
        ]
        missing = set(stand_ins) - set(self.slots)
        if missing:
            raise ValueError(f"Stand-ins not found in the compiled query: {sorted(missing)}")

    def rows(self, **values) -> list[tuple]:
        params = [values[slot] if slot else constant for slot, constant in zip(self.slots, self.constants, strict=True)]
        with connection.cursor() as cursor:
            execute_prepared(cursor, self.sql, params)
            return cursor.fetchall()
