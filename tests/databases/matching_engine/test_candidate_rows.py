"""Screening's candidate rows come from a statement compiled once: the same rows and policy as the ORM's query."""

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


@pytest.mark.parametrize("templates", [False, True])
@pytest.mark.parametrize("viewer", ["ncb-es", "ncb-fr", "ncb-eg", "gs-lyon", None])
def test_compiled_candidate_rows_are_the_orm_rows(viewer, templates):
    unit = Unit.objects.get(code=viewer) if viewer else None
    persons = records_under_every_restriction(PersonFactory, closed_status="cancelled")
    ids = [person.pk for person in persons]
    visible = visibility_q(Person, unit) if unit is not None else Q()
    expected = sorted(_candidate_rows_query(ids, timezone.localdate(), visible, templates))
    assert len(expected) == len(Restriction.values)
    rows = candidate_rows(ids, unit=unit, templates=templates)
    assert sorted((row.id, row.owner_id, row.reference, row.visible) for row in rows) == [
        (pk, owner, reference, bool(shown)) for pk, owner, reference, *_rest, shown in expected
    ]


def test_the_prepared_persons_cache_forgets_the_first_prepared_when_full(settings):
    from databases.services import match_keys

    settings.MATCH_PREPARED_CACHE = 4
    persons = PersonFactory.create_batch(6)
    for person in persons:
        candidate_rows([person.pk], unit=None)
    assert list(match_keys._prepared) == [person.pk for person in persons[2:]]
    candidate_rows([persons[0].pk, persons[5].pk], unit=None)  # one new, one kept
    assert list(match_keys._prepared) == [person.pk for person in persons[3:]] + [persons[0].pk]
