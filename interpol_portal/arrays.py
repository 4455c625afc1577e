"""`column = ANY(array)`: a list of ids as one parameter.

A level of the link chart passes lists of up to ANALYSIS_GRAPH_MAX_NODES ids or keys, and a name search the ids
its keys matched; Django's `__in` compiles one placeholder per value, which cost more than running the queries
(bench/analysis_graph.py). PostgreSQL takes the whole list as one array, still uses the column's index, and tests
rows met in another index's order against a hash of the array; other databases get an ordinary IN.
"""

from django.core.exceptions import EmptyResultSet
from django.db.models import F, Lookup, Q


def int_array(values) -> str:
    """Integers as one PostgreSQL array literal ('{1,2,3}'), one parameter however many: PostgreSQL reads it faster
    than ARRAY[...] of as many constants. Cast it in the statement (%s::bigint[])."""
    return "{" + ",".join(map(str, values)) + "}"


class AnyOf(Lookup):
    lookup_name = "any_of"
    prepare_rhs = False

    def as_sql(self, compiler, connection):
        lhs_sql, lhs_params = self.process_lhs(compiler, connection)
        values = list(self.rhs)
        if not values:
            raise EmptyResultSet
        if connection.vendor == "postgresql":
            # Typed as the column: PostgreSQL hashes a constant array of the column's type when it tests many rows,
            # while an int[] against a bigint column is searched element by element (25 times slower for 17,000
            # ids). Integers go as one array literal, which it reads faster than ARRAY[...] of as many constants.
            array_type = self.lhs.output_field.cast_db_type(connection)
            cast = f"::{array_type}[]" if array_type else ""
            if all(type(value) is int for value in values):
                return f"{lhs_sql} = ANY(%s{cast})", (*lhs_params, int_array(values))
            return f"{lhs_sql} = ANY(%s{cast})", (*lhs_params, values)
        return f"{lhs_sql} IN ({', '.join(['%s'] * len(values))})", (*lhs_params, *values)


def any_of(column: str, values) -> Q:
    """Q(column__in=values), as one array parameter on PostgreSQL."""
    return Q(AnyOf(F(column), list(values)))
