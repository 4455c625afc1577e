"""The API, fuzzed from its own OpenAPI schema with schemathesis.

With a valid token every operation answers without a server error and as its schema says; with an expired,
a revoked or no token every operation refuses (401/403), the public ones excepted. Examples are few per
operation and derandomized, so a run is fast and repeatable.
"""

import json
from datetime import timedelta

import pytest
import schemathesis
from django.core import signals
from django.core.cache import cache
from django.core.handlers.wsgi import WSGIHandler
from django.db import close_old_connections
from django.utils import timezone
from drf_spectacular.generators import SchemaGenerator
from hypothesis import HealthCheck, Phase, settings
from rest_framework.renderers import JSONRenderer
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance

from ncb.models import Unit
from ncb.services import api_token_create, api_token_revoke
from tests.ncb.factories import UserFactory
from tests.reliability.size import FUZZ_EXAMPLES, FUZZ_EXAMPLES_BAD_TOKEN, FUZZ_PHASES

pytestmark = pytest.mark.django_db


def _load_schema():
    raw = SchemaGenerator().get_schema(request=None, public=True)
    schema = schemathesis.openapi.from_dict(json.loads(JSONRenderer().render(raw)))
    schema.app = WSGIHandler()
    # The coverage phase sends every boundary case the schema allows (dozens per operation, whatever
    # max_examples says): make reliability runs it, make test keeps to the schema's examples and the fuzzing.
    schema.config.phases.update(phases=FUZZ_PHASES)
    return schema


schema = _load_schema()
FUZZ = settings(
    max_examples=FUZZ_EXAMPLES,  # bounded in make test; make reliability runs more (tests/reliability/size.py)
    derandomize=True,
    deadline=None,
    database=None,
    phases=[Phase.explicit, Phase.generate],
    suppress_health_check=list(HealthCheck),
)
FEW = settings(FUZZ, max_examples=FUZZ_EXAMPLES_BAD_TOKEN)


@pytest.fixture(autouse=True)
def _inside_the_test_transaction(monkeypatch):
    """Requests go through Django's WSGI handler, whose request signals would close the test's connection in
    the middle of its transaction (the test client disconnects them for the same reason). The rate limits are
    lifted: hundreds of calls in a few seconds are the point here."""
    from rest_framework.settings import api_settings

    from ncb.api.throttling import PublicRateThrottle, TokenRateThrottle

    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    rates = dict.fromkeys(api_settings.DEFAULT_THROTTLE_RATES, "1000000/minute")
    for throttle in (PublicRateThrottle, TokenRateThrottle):
        monkeypatch.setattr(throttle, "THROTTLE_RATES", rates)
    cache.clear()
    yield
    cache.clear()
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


def _token(user, **kwargs) -> str:
    _token_row, key = api_token_create(user=user, name="fuzz", **kwargs)
    return key


@pytest.fixture
def ncb_user(db):
    return UserFactory(unit=Unit.objects.get(code="ncb-fr"), roles=["ncb_officer", "ncb_head"], username="fuzz.fr")


@pytest.fixture
def valid_key(ncb_user):
    return _token(ncb_user)


@pytest.fixture
def bad_keys(ncb_user):
    expired = _token(ncb_user, expires_at=timezone.now() - timedelta(minutes=1))
    revoked_key = _token(ncb_user)
    from ncb.models import ApiToken

    api_token_revoke(token=ApiToken.objects.get(prefix=revoked_key[:8]), actor=ncb_user)
    return {"expired": f"Token {expired}", "revoked": f"Token {revoked_key}", "missing": None}


def _is_public(case) -> bool:
    return not case.operation.definition.raw.get("security", [{}]) or case.operation.path.startswith("/public/")


@schema.parametrize()
@FUZZ
def test_api_answers_valid_calls_without_server_error_and_as_documented(case, valid_key):
    response = case.call(headers={"Authorization": f"Token {valid_key}"})
    case.validate_response(response, checks=[not_a_server_error, response_schema_conformance])


@schema.parametrize()
@FEW
def test_api_refuses_expired_revoked_and_missing_tokens(case, bad_keys):
    for kind, header in bad_keys.items():
        headers = {"Authorization": header} if header else {}
        response = case.call(headers=headers)
        if _is_public(case):
            assert response.status_code < 500, (kind, case.method, case.formatted_path, response.status_code)
        else:
            # 404: a path whose id is not a number matches no URL, before any authentication.
            where = (kind, case.method, case.formatted_path, response.status_code)
            assert response.status_code in (401, 403, 404), where
