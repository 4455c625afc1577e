"""The check service (interpol_portal.wsgi_checks): the real-time checks as the portal answers them, nothing else."""

import functools
import json

import pytest
from django.core.signals import request_started

from databases.api import urls as database_api_urls
from interpol_portal import wsgi, wsgi_checks
from interpol_portal.handlers import check_service_call
from ncb.models import AuditEntry
from ncb.roles import Role
from ncb.services import api_token_create
from tests.databases.factories import TravelDocumentFactory
from tests.foundation.wsgi_calls import wsgi_call
from tests.ncb.factories import UserFactory

pytestmark = pytest.mark.django_db

checks = functools.partial(wsgi_call, wsgi_checks.application)
portal = functools.partial(wsgi_call, wsgi.application)
CHECK = "/api/v1/check/travel-document"
REFUSAL = "This address serves the real-time checks only; use the portal's address for everything else."


@pytest.fixture
def django_entered():
    """The requests that reached Django's handler (and so its URL map, middleware and views)."""
    entered = []

    def receiver(sender, environ, **kwargs):
        entered.append(environ["PATH_INFO"])

    request_started.connect(receiver)
    yield entered
    request_started.disconnect(receiver)


def test_the_check_service_serves_every_check_endpoint_and_the_health_check():
    paths = [f"/api/v1/{url.pattern}" for url in database_api_urls.urlpatterns if str(url.pattern).startswith("check/")]
    assert len(paths) == 4  # travel document, vehicle, firearm, batch
    assert all(check_service_call({"PATH_INFO": path}) for path in [*paths, "/healthz"])
    assert not check_service_call({"PATH_INFO": "/api/v1/screening/persons"})


def test_a_check_with_a_token_is_answered_as_on_the_portal(officer_fr):
    document = TravelDocumentFactory(number="XD1234567", issuing_country="ESP")
    _token, key = api_token_create(user=officer_fr, name="border post")

    def answers(application, query):
        status, headers, body = application(CHECK, query, authorization=f"Token {key}")
        assert "Set-Cookie" not in headers and headers["X-Frame-Options"] == "DENY"
        return status, json.loads(body)

    status, hit = answers(checks, "number=XD1234567&country=ES")
    assert (status, hit["hit"], hit["matches"][0]["id"]) == (200, True, document.pk)
    assert answers(checks, "number=ZZ1234567&country=FR") == (200, {"hit": False, "matches": []})
    assert answers(portal, "number=XD1234567&country=ES") == (status, hit)
    assert AuditEntry.objects.filter(action="check.travel-document", actor=officer_fr).count() == 3


def test_a_batch_check_is_answered_item_by_item(officer_fr):
    TravelDocumentFactory(number="XD1234567", issuing_country="ESP")
    _token, key = api_token_create(user=officer_fr, name="border post")
    items = [{"type": "travel-document", "number": "XD1234567"}, {"type": "firearm", "serial": "NOPE123"}]
    status, _headers, body = checks(
        "/api/v1/check/batch",
        method="POST",
        body=json.dumps({"items": items}).encode(),
        content_type="application/json",
        authorization=f"Token {key}",
    )
    assert status == 200 and [result["hit"] for result in json.loads(body)["results"]] == [True, False]


def test_the_health_check_answers_as_on_the_portal(settings):
    settings.CELERY_TASK_ALWAYS_EAGER = True
    status, _headers, body = checks("/healthz")
    assert status == portal("/healthz")[0]
    assert json.loads(body)["checks"]["database"] == "ok"


@pytest.mark.parametrize("path", ["/en/", "/en/databases/persons/", "/api/v1/me/", "/api/v1/screening/persons"])
def test_any_other_path_is_a_404_with_the_reason_and_reaches_no_view(path, officer_fr, django_entered):
    token, key = api_token_create(user=officer_fr, name="border post")
    status, headers, body = checks(path, authorization=f"Token {key}")
    assert (status, json.loads(body)) == (404, {"detail": REFUSAL})
    assert django_entered == []
    assert headers["Content-Type"] == "application/json" and headers["X-Content-Type-Options"] == "nosniff"
    assert "'unsafe-inline'" not in headers["Content-Security-Policy"] and headers["X-Frame-Options"] == "DENY"
    token.refresh_from_db()
    assert token.last_used_at is None  # the token was not even looked at
    assert not AuditEntry.objects.filter(action="access.denied").exists()


def test_the_404_is_in_the_callers_language(django_entered):
    status, headers, body = checks("/en/", accept_language="fr")
    assert status == 404 and headers["Content-Language"] == "fr"
    assert json.loads(body)["detail"].startswith("Cette adresse ne sert que les vérifications en temps réel")
    assert django_entered == []


@pytest.mark.parametrize("role", [None, Role.TRAINING_COORDINATOR], ids=["no token", "a role that may not check"])
def test_a_refused_check_is_answered_and_audited_as_on_the_portal(role):
    headers = {}
    if role is not None:
        _token, key = api_token_create(user=UserFactory(roles=[role]), name="t")
        headers["authorization"] = f"Token {key}"
    status, answer_headers, body = checks(CHECK, "number=XD1234567", **headers)
    portal_status, portal_headers, portal_body = portal(CHECK, "number=XD1234567", **headers)
    assert status == portal_status == (403 if role else 401)
    assert json.loads(body) == json.loads(portal_body)
    assert answer_headers.get("WWW-Authenticate") == portal_headers.get("WWW-Authenticate")
    assert (
        list(AuditEntry.objects.filter(action="access.denied").values_list("outcome", flat=True)) == [str(status)] * 2
    )
