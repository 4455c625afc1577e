"""Prepared statements: prepared once per connection, prepared again on a new connection, values as parameters."""

import pytest
from django.db import DEFAULT_DB_ALIAS, connection, connections
from django.test.utils import CaptureQueriesContext

from interpol_portal.prepared import CompiledQuery, execute_prepared, numbered

STATEMENT = "SELECT %s::int + %s::int, %s::text"


def test_placeholders_are_numbered_in_order():
    assert numbered("a = %s AND b IN (%s, %s)") == ("a = $1 AND b IN ($2, $3)", 3)
    with pytest.raises(ValueError):
        numbered("a LIKE 'x%%' AND b = %s")


def run(values) -> tuple:
    with connection.cursor() as cursor:
        execute_prepared(cursor, STATEMENT, values)
        return cursor.fetchone()


@pytest.mark.django_db
def test_a_statement_is_prepared_once_then_only_executed():
    with CaptureQueriesContext(connection) as first:
        assert run([1, 2, "x"]) == (3, "x")
    with CaptureQueriesContext(connection) as second:
        assert run([40, 2, "'; DROP TABLE ncb_auditentry; --"]) == (42, "'; DROP TABLE ncb_auditentry; --")
    assert [q["sql"].split()[0] for q in first.captured_queries] == ["PREPARE", "EXECUTE"]
    assert [q["sql"].split()[0] for q in second.captured_queries] == ["EXECUTE"]


@pytest.mark.django_db
def test_a_new_connection_prepares_again():
    # A second connection of its own, outside the test's transaction, so that it can be closed and reopened.
    other = connections.create_connection(DEFAULT_DB_ALIAS)
    try:
        for values, expected in (([1, 1, "a"], (2, "a")), ([2, 2, "b"], (4, "b"))):
            with other.cursor() as cursor:
                execute_prepared(cursor, STATEMENT, values)
                assert cursor.fetchone() == expected
            other.close()  # as after PostgreSQL restarts: the next connection does not have the statement
    finally:
        other.close()


@pytest.mark.django_db
def test_a_wrong_number_of_values_is_refused_before_anything_is_sent():
    with pytest.raises(ValueError):
        run([1, 2])


@pytest.mark.django_db
def test_prepared_statements_are_planned_once_not_at_each_run():
    # PostgreSQL may otherwise keep planning a statement at each run (settings: plan_cache_mode).
    for values in ([1, 1, "a"], [2, 2, "b"], [3, 3, "c"]):
        run(values)
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT generic_plans, custom_plans FROM pg_prepared_statements WHERE statement LIKE %s", ["%$3::text"]
        )
        generic, custom = cursor.fetchone()
    assert generic >= 3 and custom == 0


@pytest.mark.django_db
def test_a_query_whose_columns_need_converting_is_not_compiled():
    from ncb.models import AuditEntry

    with pytest.raises(TypeError):
        CompiledQuery(AuditEntry.objects.filter(pk=-1).values_list("query"))  # JSON: the ORM decodes it
