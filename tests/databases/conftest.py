"""Users of each kind of role, and API clients signed in with a token."""

import pytest
from rest_framework.test import APIClient

from ncb.models import Unit
from ncb.services import api_token_create
from tests.ncb.factories import UserFactory


@pytest.fixture
def ccc_officer(db):
    return UserFactory(unit=Unit.objects.get(code="ccc-lyon"), roles=["ccc_duty_officer"], username="t.ccc")


@pytest.fixture
def trainer(db):
    return UserFactory(unit=Unit.objects.get(code="gs-lyon"), roles=["training_coordinator"], username="t.trainer")


@pytest.fixture
def officer_eg(ncb_eg):
    return UserFactory(unit=ncb_eg, roles=["ncb_officer"], username="t.officer.eg")


def token_client(user) -> APIClient:
    _token, key = api_token_create(user=user, name="test")
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    return client


@pytest.fixture
def api_for():
    return token_client
