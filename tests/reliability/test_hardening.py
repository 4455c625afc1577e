"""Hardening: security headers on every kind of answer, a CSRF token in every form that posts, CSRF enforced."""

import re
from pathlib import Path

import pytest
from django.test import Client
from django.urls import reverse
from rest_framework.test import APIClient

from tests.databases.factories import PersonFactory

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
TEMPLATE_DIRS = [ROOT / "templates", *ROOT.glob("*/templates")]
POST_FORM = re.compile(r"<form\b[^>]*\bmethod=[\"']?post[\"']?[^>]*>(.*?)</form>", re.IGNORECASE | re.DOTALL)


def _answers(client, officer):
    """A page, a list, a record, the sign-in page, an API refusal, an API answer and a 404."""
    person = PersonFactory(owner=officer.unit)
    client.force_login(officer)
    yield client.get("/en/")
    yield client.get("/en/databases/persons/")
    yield client.get(f"/en/databases/persons/{person.pk}/")
    yield client.get("/en/no-such-page/")
    anonymous = Client()
    yield anonymous.get(reverse("login"))
    yield APIClient().get("/api/v1/check/travel-document", {"number": "X1"})
    yield client.get("/api/v1/me/")


def test_every_kind_of_answer_carries_the_security_headers(client, officer_fr):
    for response in _answers(client, officer_fr):
        where = (response.request["PATH_INFO"], response.status_code)
        policy = response["Content-Security-Policy"]
        assert "'unsafe-inline'" not in policy and "'unsafe-eval'" not in policy, where
        assert "script-src 'self'" in policy and "frame-ancestors 'none'" in policy, where
        assert response["X-Frame-Options"] == "DENY", where
        assert response["X-Content-Type-Options"] == "nosniff", where
        assert response["Referrer-Policy"] == "same-origin", where
        assert "Cross-Origin-Opener-Policy" in response, where


def test_https_answers_carry_hsts_in_production_settings(client, settings):
    settings.SECURE_HSTS_SECONDS = 31536000
    settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    response = client.get(reverse("login"), secure=True)
    assert response["Strict-Transport-Security"].startswith("max-age=31536000; includeSubDomains")


def test_every_form_that_posts_carries_a_csrf_token():
    forms = 0
    for folder in TEMPLATE_DIRS:
        for template in folder.rglob("*.html"):
            for body in POST_FORM.findall(template.read_text()):
                forms += 1
                assert "{% csrf_token %}" in body, f"{template.relative_to(ROOT)}: a POST form without csrf_token"
    assert forms >= 30  # the walk found the forms (a broken pattern would find none and pass)


@pytest.mark.parametrize(
    "path",
    [
        "/en/databases/persons/new/",
        "/en/databases/screening/",
        "/en/notifications/read/",
        "/en/accounts/login/",
        "/i18n/setlang/",
    ],
)
def test_a_post_without_the_csrf_token_is_refused(officer_fr, path):
    browser = Client(enforce_csrf_checks=True)
    if "login" not in path:
        browser.force_login(officer_fr)
    response = browser.post(path, {"family_name": "CSRF", "username": "x", "password": "y", "language": "fr"})
    assert response.status_code == 403, path


def test_the_public_notices_api_is_limited_per_address(client, monkeypatch):
    from django.core.cache import cache

    from ncb.api.throttling import PublicRateThrottle

    monkeypatch.setattr(PublicRateThrottle, "THROTTLE_RATES", {"public": "3/min"})
    cache.clear()
    statuses = [client.get("/public/api/notices/v1/red").status_code for _ in range(5)]
    other = client.get("/public/api/notices/v1/red", REMOTE_ADDR="192.0.2.7").status_code
    cache.clear()
    assert statuses == [200, 200, 200, 429, 429] and other == 200
