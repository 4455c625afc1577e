"""A single check's compiled statements give what the ORM gives: the same records, owners and access policy."""

import pytest
from django.db.models import Q
from django.forms.models import model_to_dict

from databases.services.checks import _candidates, _check_candidates, _check_known_hits
from databases.services.hits import hit_record
from databases.services.lookups import parse_check
from ncb.choices import Restriction
from ncb.models import Unit
from tests.databases.factories import (
    FirearmFactory,
    TravelDocumentFactory,
    VehicleFactory,
    records_under_every_restriction,
)
from tests.ncb.factories import UserFactory

pytestmark = pytest.mark.django_db

VIEWERS = {
    "owner": {"unit": "ncb-es"},
    "listed country": {"unit": "ncb-fr"},
    "another country": {"unit": "ncb-eg"},
    "General Secretariat": {"unit": "gs-lyon"},
    "superuser without unit": {"unit": None, "is_superuser": True},
}


def _viewer(name: str):
    spec = dict(VIEWERS[name])
    code = spec.pop("unit")
    unit = Unit.objects.get(code=code) if code else None
    return UserFactory(unit=unit, roles=["ncb_officer"], username=f"t.{name.replace(' ', '.')}", **spec)


def _seen(records) -> list[tuple]:
    return sorted(
        (record.pk, bool(getattr(record, "_visible", True)), model_to_dict(record), model_to_dict(record.owner))
        + (model_to_dict(record.owner.country) if record.owner.country_id else None,)
        for record in records
    )


@pytest.mark.parametrize("viewer", VIEWERS)
@pytest.mark.parametrize("factory", [TravelDocumentFactory, VehicleFactory, FirearmFactory])
def test_compiled_candidates_are_the_orm_candidates(viewer, factory):
    user = _viewer(viewer)
    records = records_under_every_restriction(factory, closed_status="recovered")
    ids = [record.pk for record in records]
    expected = _candidates(factory._meta.model, Q(pk__in=ids), user)
    assert len(expected) == len(Restriction.values)
    assert _seen(_check_candidates(factory._meta.model, ids, user)) == _seen(expected)


def _hit(record, lookup, user):
    hit, _created = hit_record(
        record=record, unit=user.unit, user=user, query=lookup.query, query_key=lookup.query_key, rule="exact"
    )
    return hit


def test_compiled_known_hits_are_this_units_hits_of_this_query(officer_fr, officer_es):
    first, second = TravelDocumentFactory(number="XD1111111"), TravelDocumentFactory(number="XD1111112")
    lookup = parse_check("travel-document", {"number": "XD1111111"})
    other = parse_check("travel-document", {"number": "XD1111112"})
    hit = _hit(first, lookup, officer_fr)
    _hit(second, other, officer_fr)
    key = lookup.query_key[:255]
    assert _check_known_hits(lookup, [first, second], officer_fr) == {("travel-documents", first.pk, key): hit.pk}
    assert _check_known_hits(lookup, [first, second], officer_es) == {}
