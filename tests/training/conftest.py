"""Fixtures of the training tests: the coordinator, heads and officers of several NCBs, a session."""

import pytest

from tests.ncb.factories import UserFactory
from tests.training.factories import SessionFactory


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    """Argon2 costs about a second per user on this machine; the tests create many users and sign none in."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _english_between_tests():
    """A request to an /ar/ page leaves Arabic active in the thread; start every test in English again."""
    from django.utils import translation

    translation.activate("en")
    yield
    translation.activate("en")


@pytest.fixture
def coordinator(db):
    from ncb.models import Unit

    return UserFactory(
        unit=Unit.objects.get(code="gs-lyon"),
        roles=["training_coordinator"],
        username="t.trainer",
        first_name="Training",
        last_name="Coordinator",
    )


@pytest.fixture
def officer_fr2(ncb_fr):
    return UserFactory(
        unit=ncb_fr,
        roles=["ncb_officer"],
        username="t.officer2.fr",
        first_name="Claire",
        last_name="Martin",
        preferred_language="fr",
    )


@pytest.fixture
def head_es(ncb_es):
    return UserFactory(unit=ncb_es, roles=["ncb_officer", "ncb_head"], username="t.head.es", preferred_language="es")


@pytest.fixture
def officer_eg(ncb_eg):
    return UserFactory(
        unit=ncb_eg,
        roles=["ncb_officer"],
        username="t.officer.eg",
        first_name="أحمد",
        last_name="حسن",
        preferred_language="ar",
    )


@pytest.fixture
def head_eg(ncb_eg):
    return UserFactory(unit=ncb_eg, roles=["ncb_officer", "ncb_head"], username="t.head.eg", preferred_language="ar")


@pytest.fixture
def ccc_officer(db):
    from ncb.models import Unit

    return UserFactory(unit=Unit.objects.get(code="ccc-lyon"), roles=["ccc_duty_officer"], username="t.ccc")


@pytest.fixture
def session(db):
    return SessionFactory()
