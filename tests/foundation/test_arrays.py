"""`any_of`: a list of values as one array parameter of the column's type."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from interpol_portal.arrays import any_of
from tests.databases.factories import PersonFactory

pytestmark = pytest.mark.django_db


def test_ids_go_as_one_array_literal_of_the_column_type():
    from databases.models import Person

    people = PersonFactory.create_batch(3)
    wanted = [people[0].pk, people[2].pk, 10**12]
    with CaptureQueriesContext(connection) as captured:
        assert sorted(Person.objects.filter(any_of("pk", wanted)).values_list("pk", flat=True)) == wanted[:2]
    assert "= ANY('{" in captured.captured_queries[0]["sql"] and "::bigint[]" in captured.captured_queries[0]["sql"]


def test_strings_go_as_one_array_of_the_column_type():
    from databases.models import Person

    PersonFactory(reference="A-1")
    PersonFactory(reference="O'Brien {1,2}")
    PersonFactory(reference="C-3")
    found = Person.objects.filter(any_of("reference", ["A-1", "O'Brien {1,2}", "missing"]))
    assert sorted(found.values_list("reference", flat=True)) == ["A-1", "O'Brien {1,2}"]


def test_no_values_match_nothing_without_a_query(django_assert_num_queries):
    from databases.models import Person

    with django_assert_num_queries(0):
        assert list(Person.objects.filter(any_of("pk", []))) == []
