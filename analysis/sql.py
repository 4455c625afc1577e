"""`column = ANY(array)`: a list of ids as one parameter.

A level of the link chart passes lists of up to ANALYSIS_GRAPH_MAX_NODES ids or keys; Django's `__in` compiles
one placeholder per value, which cost more than running the queries (bench/analysis_graph.py). PostgreSQL takes
the whole list as one array and still uses the column's index; other databases get an ordinary IN.
"""

from django.core.exceptions import EmptyResultSet
from django.db.models import F, Lookup, Q


class AnyOf(Lookup):
    lookup_name = "any_of"
    prepare_rhs = False

    def as_sql(self, compiler, connection):
        lhs_sql, lhs_params = self.process_lhs(compiler, connection)
        values = list(self.rhs)
        if not values:
            raise EmptyResultSet
        if connection.vendor == "postgresql":
            return f"{lhs_sql} = ANY(%s)", (*lhs_params, values)
        return f"{lhs_sql} IN ({', '.join(['%s'] * len(values))})", (*lhs_params, *values)


def any_of(column: str, values) -> Q:
    """Q(column__in=values), as one array parameter on PostgreSQL."""
    return Q(AnyOf(F(column), list(values)))
