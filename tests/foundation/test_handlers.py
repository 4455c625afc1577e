"""The WSGI handler's two middleware chains: token API calls skip the browser-session middleware, and only that."""

import functools
import json

import pytest
from django.conf import settings
from django.test import Client

from interpol_portal.handlers import BROWSER_ONLY_MIDDLEWARE, token_api_call
from interpol_portal.wsgi import application
from ncb.models import AuditEntry
from ncb.services import api_token_create
from tests.foundation.wsgi_calls import wsgi_call

pytestmark = pytest.mark.django_db


call = functools.partial(wsgi_call, application)


def test_only_api_calls_with_a_token_take_the_short_chain():
    assert token_api_call({"PATH_INFO": "/api/v1/me/", "HTTP_AUTHORIZATION": "Token abc"})
    assert token_api_call({"PATH_INFO": "/api/v1/me/", "HTTP_AUTHORIZATION": "bearer abc"})
    assert not token_api_call({"PATH_INFO": "/api/v1/me/", "HTTP_AUTHORIZATION": "Basic abc"})
    assert not token_api_call({"PATH_INFO": "/api/v1/me/"})
    assert not token_api_call({"PATH_INFO": "/en/databases/", "HTTP_AUTHORIZATION": "Token abc"})


def test_every_middleware_left_out_is_one_the_portal_uses():
    # A renamed or removed middleware must not leave a stale entry that silently skips nothing.
    assert BROWSER_ONLY_MIDDLEWARE.issubset(settings.MIDDLEWARE)
    kept = [path for path in settings.MIDDLEWARE if path not in BROWSER_ONLY_MIDDLEWARE]
    assert "ncb.middleware.DeniedAccessAuditMiddleware" in kept
    assert "interpol_portal.security.SecurityHeadersMiddleware" in kept


def test_a_check_with_a_token_is_answered_audited_and_carries_the_security_headers(officer_fr):
    _token, key = api_token_create(user=officer_fr, name="border post")
    status, headers, body = call(
        "/api/v1/check/travel-document", "number=ZZ1234567&country=FR", authorization=f"Token {key}"
    )
    assert status == 200 and json.loads(body) == {"hit": False, "matches": []}
    assert "Set-Cookie" not in headers  # no session was opened
    assert "'unsafe-inline'" not in headers["Content-Security-Policy"]
    assert (headers["X-Frame-Options"], headers["X-Content-Type-Options"]) == ("DENY", "nosniff")
    assert headers["Referrer-Policy"] == "same-origin"
    row = AuditEntry.objects.get(action="check.travel-document")
    assert (row.actor, row.outcome, row.ip_address) == (officer_fr, "no hit", "127.0.0.1")


def test_a_refused_token_is_audited_and_answered_in_the_callers_language():
    status, _headers, body = call(
        "/api/v1/check/travel-document", "number=ZZ1234567", authorization="Token not-a-token", accept_language="fr"
    )
    assert status == 401
    assert json.loads(body)["detail"] == "Jeton non valide ou révoqué."
    assert AuditEntry.objects.filter(action="access.denied", outcome="401").count() == 1


def test_the_api_still_works_from_a_browser_session(officer_fr):
    browser = Client()
    browser.force_login(officer_fr)
    cookie = f"{settings.SESSION_COOKIE_NAME}={browser.cookies[settings.SESSION_COOKIE_NAME].value}"
    status, _headers, body = call("/api/v1/me/", cookie=cookie)
    assert status == 200 and json.loads(body)["username"] == officer_fr.username
