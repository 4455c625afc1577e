"""Fixtures of the notices tests: the General Secretariat's reviewer, other NCBs' users, a clean throttle."""

import pytest
from django.core.cache import cache

from ncb.models import Unit
from tests.ncb.factories import UserFactory


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    # Argon2 costs a noticeable fraction of a second per user; these tests create many users.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _fresh_throttle(monkeypatch):
    # The rate limits count in the shared cache (Redis under `make test`), and a test elsewhere may leave a
    # lowered rate on the throttle classes: start from the configured rates and an empty count.
    from rest_framework.settings import api_settings

    from ncb.api.throttling import PublicRateThrottle, TokenRateThrottle

    for throttle in (PublicRateThrottle, TokenRateThrottle):
        monkeypatch.setattr(throttle, "THROTTLE_RATES", api_settings.DEFAULT_THROTTLE_RATES)
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def reviewer(db):
    return UserFactory(unit=Unit.objects.get(code="gs-lyon"), roles=["notices_reviewer"], username="t.reviewer")


@pytest.fixture
def head_es(ncb_es):
    return UserFactory(unit=ncb_es, roles=["ncb_officer", "ncb_head"], username="t.head.es")


@pytest.fixture
def officer_eg(ncb_eg):
    return UserFactory(unit=ncb_eg, roles=["ncb_officer"], username="t.officer.eg", preferred_language="ar")


@pytest.fixture
def ccc_officer(db):
    return UserFactory(unit=Unit.objects.get(code="ccc-lyon"), roles=["ccc_duty_officer"], username="t.ccc")


@pytest.fixture
def trainer(db):
    return UserFactory(unit=Unit.objects.get(code="gs-lyon"), roles=["training_coordinator"], username="t.trainer")
