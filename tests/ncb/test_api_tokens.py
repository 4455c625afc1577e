"""API tokens: creation from the command line, use, revocation, expiry."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from ncb.models import ApiToken
from ncb.services import api_token_create, api_token_revoke

pytestmark = pytest.mark.django_db


def test_create_api_token_prints_a_working_token_as_its_last_line(client, officer_fr):
    out = StringIO()
    call_command("create_api_token", officer_fr.username, stdout=out)
    key = out.getvalue().strip().splitlines()[-1]
    response = client.get("/api/v1/me/", HTTP_AUTHORIZATION=f"Token {key}")
    assert response.status_code == 200
    assert response.json()["username"] == officer_fr.username
    assert response.json()["country"] == "FR"
    assert ApiToken.objects.get(user=officer_fr).digest != key


def test_missing_bad_revoked_and_expired_tokens_are_refused(client, officer_fr):
    assert client.get("/api/v1/me/").status_code == 401
    assert client.get("/api/v1/me/", HTTP_AUTHORIZATION="Token nope").status_code == 401
    assert client.get("/api/v1/me/", HTTP_AUTHORIZATION="Token a b").status_code == 401
    token, key = api_token_create(user=officer_fr, name="border")
    api_token_revoke(token=token, actor=officer_fr)
    assert client.get("/api/v1/me/", HTTP_AUTHORIZATION=f"Token {key}").status_code == 401
    _old, old_key = api_token_create(user=officer_fr, name="old", expires_at=timezone.now() - timedelta(days=1))
    response = client.get("/api/v1/me/", HTTP_AUTHORIZATION=f"Token {old_key}")
    assert response.status_code == 401
    assert "expired" in response.json()["detail"]


def test_tokens_are_listed_and_revoked_from_the_profile_page(client, officer_fr):
    client.force_login(officer_fr)
    client.post("/en/accounts/tokens/", {"name": "Roissy T2"})
    page = client.get("/en/accounts/profile/").content.decode()
    assert "Roissy T2" in page
    token = ApiToken.objects.get(user=officer_fr)
    assert token.prefix in page
    client.post(f"/en/accounts/tokens/{token.pk}/revoke/")
    token.refresh_from_db()
    assert token.revoked_at is not None


def test_an_officer_cannot_revoke_someone_elses_token(client, officer_fr, officer_es):
    token, _key = api_token_create(user=officer_es, name="theirs")
    client.force_login(officer_fr)
    assert client.post(f"/en/accounts/tokens/{token.pk}/revoke/").status_code == 404
    token.refresh_from_db()
    assert token.revoked_at is None


def test_each_token_has_its_own_rate_limit(client, monkeypatch, officer_fr):
    from django.core.cache import cache

    from ncb.api.throttling import TokenRateThrottle

    cache.clear()
    monkeypatch.setattr(TokenRateThrottle, "THROTTLE_RATES", {"token": "3/min"})
    _t1, first = api_token_create(user=officer_fr, name="one")
    _t2, second = api_token_create(user=officer_fr, name="two")
    codes = [client.get("/api/v1/me/", HTTP_AUTHORIZATION=f"Token {first}").status_code for _ in range(4)]
    assert codes == [200, 200, 200, 429]
    assert client.get("/api/v1/me/", HTTP_AUTHORIZATION=f"Token {second}").status_code == 200
    cache.clear()


def test_a_revoked_token_is_refused_at_once_even_after_it_was_cached(client, officer_fr, settings):
    if not settings.REDIS_URL:
        pytest.skip("the token cache is shared through Redis in make test")
    token, key = api_token_create(user=officer_fr, name="cached")
    assert client.get("/api/v1/me/", HTTP_AUTHORIZATION=f"Token {key}").status_code == 200
    assert client.get("/api/v1/me/", HTTP_AUTHORIZATION=f"Token {key}").status_code == 200
    api_token_revoke(token=token, actor=officer_fr)
    assert client.get("/api/v1/me/", HTTP_AUTHORIZATION=f"Token {key}").status_code == 401
