"""Screening's candidate rows come from a statement compiled once: the same rows and policy as the ORM's query."""

from dataclasses import astuple

import pytest
from django.db.models import Q
from django.utils import timezone

from databases.models import Person
from databases.services.match_keys import _candidate_rows_query, candidate_rows
from ncb.access import visibility_q
from ncb.choices import Restriction
from ncb.models import Unit
from tests.databases.factories import PersonFactory, records_under_every_restriction

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(("templates", "answer"), [(False, False), (True, False), (True, True)])
@pytest.mark.parametrize("viewer", ["ncb-es", "ncb-fr", "ncb-eg", "gs-lyon", None])
def test_compiled_candidate_rows_are_the_orm_rows(viewer, templates, answer):
    unit = Unit.objects.get(code=viewer) if viewer else None
    persons = records_under_every_restriction(PersonFactory, closed_status="cancelled")
    ids = [person.pk for person in persons]
    visible = visibility_q(Person, unit) if unit is not None else Q()
    expected = sorted(_candidate_rows_query(ids, timezone.localdate(), visible, templates, answer))
    assert len(expected) == len(Restriction.values)
    rows = candidate_rows(ids, unit=unit, templates=templates, answer=answer)
    assert sorted((row.id, row.owner_id, row.reference, row.visible) for row in rows) == [
        (pk, owner, reference, bool(shown)) for pk, owner, reference, *_rest, shown in expected
    ]
    if answer:
        answers = {row.id: row.answer for row in rows}
        assert [astuple(answers[row[0]]) for row in expected] == [tuple(row[-6:-1]) for row in expected]


def test_the_answer_columns_are_the_persons(person_of, ncb_es):
    from ncb.models import Country

    person = person_of(ncb_es, "Haddad", "Omar", "1980-04-02", reference="A-1")
    person.nationalities.set(Country.objects.filter(iso2__in=["EG", "LB"]))
    person.aliases.create(name="Omar Hadad")
    person.aliases.create(name="أبو عمر")
    (row,) = candidate_rows([person.pk], unit=None, templates=True, answer=True)
    assert row.answer.status == person.status and row.answer.owner_code == ncb_es.code
    assert row.answer.owner_country == "ES"
    assert row.answer.aliases == ["Omar Hadad", "أبو عمر"]
    assert sorted(row.answer.nationalities) == ["EGY", "LBN"]


def test_the_prepared_persons_cache_forgets_the_first_prepared_when_full(settings):
    from databases.services import match_keys

    settings.MATCH_PREPARED_CACHE = 4
    persons = PersonFactory.create_batch(6)
    for person in persons:
        candidate_rows([person.pk], unit=None)
    assert list(match_keys._prepared) == [person.pk for person in persons[2:]]
    candidate_rows([persons[0].pk, persons[5].pk], unit=None)  # one new, one kept
    assert list(match_keys._prepared) == [person.pk for person in persons[3:]] + [persons[0].pk]
