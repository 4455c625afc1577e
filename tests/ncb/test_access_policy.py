"""The access policy (ncb.access) against each restriction mode, through every way a record can be read.

A restricted record must never appear for an excluded NCB: not in a list, a count, a detail page or the API.
"""

import pytest
from django.db.models import Count

from databases.models import TravelDocument
from ncb.access import access_allows, may_edit, visible_to
from ncb.models import Country, Unit
from ncb.services import api_token_create
from tests.databases.factories import TravelDocumentFactory
from tests.ncb.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def owner(ncb_es):
    return ncb_es


@pytest.fixture
def viewers(db):
    units = {cc: Unit.objects.get(code=f"ncb-{cc}") for cc in ("fr", "eg", "us")}
    users = {cc: UserFactory(username=f"acc.{cc}", unit=unit, roles=["ncb_officer"]) for cc, unit in units.items()}
    users["gs"] = UserFactory(username="acc.gs", unit=Unit.objects.get(code="gs-lyon"), roles=["notices_reviewer"])
    return users


def _record(owner, mode, countries=()):
    record = TravelDocumentFactory(owner=owner, restriction=mode, number="PA1234567")
    record.restriction_countries.set(Country.objects.filter(iso2__in=countries))
    return record


@pytest.mark.parametrize(
    "mode, countries, visible_for",
    [
        ("all", (), {"fr", "eg", "us", "gs"}),
        ("all_except", ("EG",), {"fr", "us", "gs"}),
        ("all_except", ("EG", "US"), {"fr", "gs"}),
        ("only", ("FR",), {"fr", "gs"}),
        ("only", ("FR", "US"), {"fr", "us", "gs"}),
        ("only", (), {"gs"}),
    ],
)
def test_each_restriction_mode_decides_who_sees_the_record(owner, viewers, mode, countries, visible_for):
    record = _record(owner, mode, countries)
    for name, user in viewers.items():
        in_queryset = visible_to(TravelDocument.objects.all(), user).filter(pk=record.pk).exists()
        in_count = visible_to(TravelDocument.objects.all(), user).count() == 1
        allowed = access_allows(record=record, unit=user.unit)
        expected = name in visible_for
        assert (in_queryset, in_count, allowed) == (expected, expected, expected), (name, mode, countries)


def test_the_owner_always_sees_its_own_restricted_record(owner):
    record = _record(owner, "only", ())
    officer = UserFactory(username="acc.es", unit=owner, roles=["ncb_officer"])
    assert visible_to(TravelDocument.objects.all(), officer).get() == record
    assert may_edit(record=record, user=officer)


def test_only_the_owner_may_edit(owner, viewers):
    record = _record(owner, "all")
    assert not may_edit(record=record, user=viewers["fr"])


def test_a_record_listing_several_countries_is_counted_once(owner, viewers):
    _record(owner, "only", ("FR", "US", "GB", "DE"))
    assert visible_to(TravelDocument.objects.all(), viewers["fr"]).count() == 1
    assert visible_to(TravelDocument.objects.all(), viewers["gs"]).aggregate(n=Count("id"))["n"] == 1


def test_filtering_happens_in_the_database_query(owner, viewers):
    query = str(visible_to(TravelDocument.objects.all(), viewers["eg"]).query)
    assert "EXISTS" in query.upper()


def test_excluded_ncb_never_sees_the_record_in_list_detail_or_api(client, owner, viewers):
    record = _record(owner, "all_except", ("EG",))
    excluded, allowed = viewers["eg"], viewers["fr"]

    client.force_login(excluded)
    assert record.number_normalized not in client.get("/en/databases/travel-documents/").content.decode()
    assert client.get(f"/en/databases/travel-documents/{record.pk}/").status_code == 404
    _token, key = api_token_create(user=excluded, name="t")
    api = client.get("/api/v1/databases/travel-documents/", HTTP_AUTHORIZATION=f"Token {key}").json()
    assert api["count"] == 0
    detail = client.get(f"/api/v1/databases/travel-documents/{record.pk}/", HTTP_AUTHORIZATION=f"Token {key}")
    assert detail.status_code == 404

    client.force_login(allowed)
    assert record.number_normalized in client.get("/en/databases/travel-documents/").content.decode()
    assert client.get(f"/en/databases/travel-documents/{record.pk}/").status_code == 200
