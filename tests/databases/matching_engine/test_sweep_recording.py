"""A sweep records each pair's hit once; pairs that were hits already cost no query each."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from databases.models import Hit, Person
from databases.screening.sweep import sweep_chunk_run
from ncb.models import Country, Notification
from ncb.services import record_restrict

pytestmark = pytest.mark.django_db

FAMILIES = ["El Khatib", "Haddad", "Mansour", "Nasser", "Benali", "Qasim"]


def _pairs(person_of, ncb_es, ncb_fr, families: list[str]) -> list[int]:
    ids = []
    for family in families:
        birth = f"19{60 + FAMILIES.index(family)}-03-02"
        ids.append(person_of(ncb_es, family, "Mohamed", birth).pk)
        ids.append(person_of(ncb_fr, family, "Mohammed", birth).pk)
    return ids


def _queries_of_a_second_run(ids: list[int]) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert sweep_chunk_run(person_ids=ids) == 0
    return len(queries)


def test_a_second_run_finds_its_hits_without_a_query_per_pair(person_of, ncb_es, ncb_fr):
    few = _pairs(person_of, ncb_es, ncb_fr, FAMILIES[:2])
    assert sweep_chunk_run(person_ids=few) == 2
    queries_for_two = _queries_of_a_second_run(few)

    more = _pairs(person_of, ncb_es, ncb_fr, FAMILIES[2:])
    assert sweep_chunk_run(person_ids=few + more) == 4
    assert Hit.objects.count() == 6
    assert _queries_of_a_second_run(few + more) == queries_for_two


def test_a_pair_restricted_since_its_hit_still_tells_the_owner(person_of, ncb_es, ncb_fr, officer_es):
    ids = _pairs(person_of, ncb_es, ncb_fr, FAMILIES[:1])
    assert sweep_chunk_run(person_ids=ids) == 1
    Notification.objects.all().delete()
    spanish = Person.objects.get(pk=ids[0])
    record_restrict(
        record=spanish, actor=officer_es, restriction="all_except", countries=[Country.objects.get(iso2="FR")]
    )

    assert sweep_chunk_run(person_ids=ids) == 0
    assert Notification.objects.filter(unit=ncb_es, kind="restricted_attempt").exists()
