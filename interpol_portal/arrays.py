"""`column = ANY(array)`: a list of ids as one parameter.

A level of the link chart passes lists of up to ANALYSIS_GRAPH_MAX_NODES ids or keys, and a name search the ids
its keys matched; Django's `__in` compiles one placeholder per value, which cost more than running the queries
(bench/analysis_graph.py). PostgreSQL takes the whole list as one array, still uses the column's index, and tests
rows met in another index's order against a hash of the array; other databases get an ordinary IN.
"""

from dataclasses import dataclass

from django.core.exceptions import EmptyResultSet
from django.db import connection
from django.db.models import F, Lookup, Q, QuerySet
from psycopg2.sql import SQL


def int_array(values) -> str:
    """Integers as one PostgreSQL array literal ('{1,2,3}'), one parameter however many: PostgreSQL reads it faster
    than ARRAY[...] of as many constants. Cast it in the statement (%s::bigint[])."""
    return "{" + ",".join(map(str, values)) + "}"


@dataclass(frozen=True)
class IntArrayText:
    """Integers as PostgreSQL wrote them, an array literal ('{1,2,3}'): any_of passes it on as it is.

    Reading 17,000 ids into Python one row at a time, then writing them out again for each query that uses them,
    cost more than the queries did (a name search for 'John': about 40 ms of 90).
    """

    literal: str

    def __len__(self) -> int:
        return 0 if self.literal == "{}" else self.literal.count(",") + 1

    def __iter__(self):
        return (int(value) for value in self.literal[1:-1].split(",") if value)


def ids_as_array(ids: QuerySet, limit: int) -> IntArrayText | list[int]:
    """The first `limit` values of a one-column queryset of integers (a union too), read as one array literal on
    PostgreSQL; a list elsewhere."""
    ids = ids[:limit]
    if connection.vendor != "postgresql":
        return list(ids)
    sql, params = ids.query.sql_with_params()
    statement = SQL("SELECT coalesce(array_agg(value)::text, '{{}}') FROM ({}) AS ids(value)").format(SQL(sql))
    with connection.cursor() as cursor:
        cursor.execute(statement.as_string(cursor.connection), params)
        return IntArrayText(cursor.fetchone()[0])


class AnyOf(Lookup):
    lookup_name = "any_of"
    prepare_rhs = False

    def as_sql(self, compiler, connection):
        lhs_sql, lhs_params = self.process_lhs(compiler, connection)
        values = self.rhs if isinstance(self.rhs, IntArrayText) else list(self.rhs)
        if not len(values):
            raise EmptyResultSet
        if connection.vendor == "postgresql":
            # Typed as the column: PostgreSQL hashes a constant array of the column's type when it tests many rows,
            # while an int[] against a bigint column is searched element by element (25 times slower for 17,000
            # ids). Integers go as one array literal, which it reads faster than ARRAY[...] of as many constants.
            array_type = self.lhs.output_field.cast_db_type(connection)
            cast = f"::{array_type}[]" if array_type else ""
            if isinstance(values, IntArrayText):
                return f"{lhs_sql} = ANY(%s{cast})", (*lhs_params, values.literal)
            if all(type(value) is int for value in values):
                return f"{lhs_sql} = ANY(%s{cast})", (*lhs_params, int_array(values))
            return f"{lhs_sql} = ANY(%s{cast})", (*lhs_params, values)
        values = list(values)
        return f"{lhs_sql} IN ({', '.join(['%s'] * len(values))})", (*lhs_params, *values)


def any_of(column: str, values) -> Q:
    """Q(column__in=values), as one array parameter on PostgreSQL."""
    return Q(AnyOf(F(column), values if isinstance(values, IntArrayText) else list(values)))
