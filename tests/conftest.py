"""Fixtures shared by every test module."""

import pytest


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _reference_data_after_flush(request):
    """Transactional tests end with a flush that empties every table, reference data included (it is loaded
    by a migration). Put it back before a transactional test that needs it."""
    marker = request.node.get_closest_marker("django_db")
    by_marker = marker is not None and (marker.kwargs.get("transaction") or (marker.args and marker.args[0]))
    if by_marker or "transactional_db" in request.fixturenames or "live_server" in request.fixturenames:
        request.getfixturevalue("transactional_db")
        from ncb.setup import load_reference_data, reference_data_present

        if not reference_data_present():
            load_reference_data()


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
