"""`any_of`: a list of values as one array parameter of the column's type."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from interpol_portal.arrays import IntArrayText, any_of, ids_as_array
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


def test_ids_read_as_one_array_literal_go_back_as_they_came(django_assert_num_queries):
    from databases.models import Person

    people = PersonFactory.create_batch(4)
    ids = Person.objects.filter(pk__in=[people[1].pk, people[3].pk]).order_by("pk").values_list("pk", flat=True)
    with django_assert_num_queries(1):
        read = ids_as_array(ids.union(Person.objects.filter(pk=people[0].pk).values_list("pk", flat=True)), 10)
    assert isinstance(read, IntArrayText) and len(read) == 3
    assert sorted(read) == sorted([people[0].pk, people[1].pk, people[3].pk])
    with CaptureQueriesContext(connection) as captured:
        listed = sorted(Person.objects.filter(any_of("pk", read)).values_list("pk", flat=True))
    assert listed == sorted(read)
    assert f"= ANY('{read.literal}'::bigint[])" in captured.captured_queries[0]["sql"]


def test_ids_read_as_an_array_stop_at_the_limit_and_none_match_nothing(django_assert_num_queries):
    from databases.models import Person

    PersonFactory.create_batch(3)
    assert len(ids_as_array(Person.objects.values_list("pk", flat=True), 2)) == 2
    nobody = ids_as_array(Person.objects.filter(pk__lt=0).values_list("pk", flat=True), 10)
    assert len(nobody) == 0 and list(nobody) == []
    with django_assert_num_queries(0):
        assert list(Person.objects.filter(any_of("pk", nobody))) == []
