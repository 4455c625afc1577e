"""Every refused request is in the audit trail: who, the method, the path and the status."""

import pytest
from rest_framework.test import APIClient

from ncb.models import AuditEntry, Country
from ncb.roles import Role
from ncb.services import api_token_create
from tests.databases.factories import PersonFactory
from tests.ncb.factories import UserFactory

pytestmark = pytest.mark.django_db


def _denied():
    return list(AuditEntry.objects.filter(action="access.denied").order_by("pk"))


def test_a_role_that_may_not_use_a_page_is_refused_and_audited(client):
    trainer = UserFactory(roles=[Role.TRAINING_COORDINATOR])
    client.force_login(trainer)
    assert client.get("/en/databases/persons/").status_code == 403
    (entry,) = _denied()
    assert entry.actor == trainer and entry.outcome == "403"
    assert entry.query == {
        "method": "GET",
        "path": "/en/databases/persons/",
        "status": 403,
        "view": "databases:record_list",
    }


def test_a_record_restricted_from_the_callers_country_is_a_404_and_audited(client, officer_fr, officer_es):
    from ncb.choices import Restriction
    from ncb.services import record_restrict

    person = PersonFactory(owner=officer_es.unit)
    record_restrict(
        record=person, actor=None, restriction=Restriction.ALL_EXCEPT, countries=[Country.objects.get(iso2="FR")]
    )
    client.force_login(officer_fr)
    assert client.get(f"/en/databases/persons/{person.pk}/").status_code == 404
    (entry,) = _denied()
    assert entry.actor == officer_fr and entry.query["path"] == f"/en/databases/persons/{person.pk}/"


def test_an_api_call_with_a_bad_token_is_audited_without_an_actor():
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION="Token not-a-real-token")
    assert api.get("/api/v1/check/travel-document", {"number": "X1"}).status_code == 401
    (entry,) = _denied()
    assert entry.actor is None and entry.outcome == "401" and entry.ip_address


def test_an_api_role_refusal_is_audited_with_the_tokens_user():
    user = UserFactory(roles=[Role.TRAINING_COORDINATOR])
    _token, key = api_token_create(user=user, name="t")
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    assert api.get("/api/v1/check/travel-document", {"number": "X1"}).status_code == 403
    assert [entry.actor for entry in _denied()] == [user]


def test_a_missing_csrf_token_is_refused_and_audited(officer_fr):
    from django.test import Client

    browser = Client(enforce_csrf_checks=True)
    browser.force_login(officer_fr)
    assert browser.post("/en/notifications/read/", {}).status_code == 403
    assert _denied()[0].query["status"] == 403


def test_a_page_that_does_not_exist_is_not_an_access_refusal(client, officer_fr):
    client.force_login(officer_fr)
    assert client.get("/en/no-such-page/").status_code == 404
    assert _denied() == []
