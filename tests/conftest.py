"""Fixtures shared by every test module."""

import pytest


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    """Argon2 costs about a second per user here; tests create many users (test_auth checks argon2 itself)."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _english_between_tests():
    """A request to an /ar/ page leaves Arabic active in the thread; start every test in English again."""
    from django.utils import translation

    translation.activate("en")
    yield
    translation.activate("en")


@pytest.fixture
def ncb_fr(db):
    from ncb.models import Unit

    return Unit.objects.get(code="ncb-fr")


@pytest.fixture
def ncb_es(db):
    from ncb.models import Unit

    return Unit.objects.get(code="ncb-es")


@pytest.fixture
def ncb_eg(db):
    from ncb.models import Unit

    return Unit.objects.get(code="ncb-eg")


@pytest.fixture
def officer_fr(ncb_fr):
    from tests.ncb.factories import UserFactory

    return UserFactory(unit=ncb_fr, roles=["ncb_officer"], username="t.officer.fr")


@pytest.fixture
def officer_es(ncb_es):
    from tests.ncb.factories import UserFactory

    return UserFactory(unit=ncb_es, roles=["ncb_officer"], username="t.officer.es", preferred_language="es")


@pytest.fixture
def head_fr(ncb_fr):
    from tests.ncb.factories import UserFactory

    return UserFactory(unit=ncb_fr, roles=["ncb_officer", "ncb_head"], username="t.head.fr")
