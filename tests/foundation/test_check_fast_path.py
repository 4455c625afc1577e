"""The check service's fast path (databases.api.fast_checks): the REST framework's answers without it, and every
call it would not answer so handed over to the REST framework's view."""

import datetime
import functools
import json
import pickle
from types import SimpleNamespace

import pytest
from django.db import OperationalError
from django.utils import timezone
from rest_framework.renderers import JSONRenderer
from rest_framework.views import APIView

from databases.api import checks as check_views
from databases.api import fast_checks
from interpol_portal import wsgi, wsgi_checks
from ncb.api.authentication import ApiTokenAuthentication, decoded_once
from ncb.api.throttling import TokenRateThrottle
from ncb.models import AuditEntry
from ncb.roles import Role
from ncb.services import api_token_create, api_token_revoke
from tests.databases.factories import FirearmFactory, TravelDocumentFactory, VehicleFactory
from tests.foundation.wsgi_calls import wsgi_call
from tests.ncb.factories import UserFactory

pytestmark = pytest.mark.django_db

checks = functools.partial(wsgi_call, wsgi_checks.application)
portal = functools.partial(wsgi_call, wsgi.application)
CHECK = "/api/v1/check/travel-document"


@pytest.fixture
def rest_framework_views(monkeypatch):
    """The REST framework views that were dispatched to, by class name."""
    dispatched = []
    dispatch = APIView.dispatch

    def spy(view, request, *args, **kwargs):
        dispatched.append(type(view).__name__)
        return dispatch(view, request, *args, **kwargs)

    monkeypatch.setattr(APIView, "dispatch", spy)
    return dispatched


def both(path, query, **headers):
    """The check service's answer and the portal's to the same call (the portal's goes through the REST framework)."""
    return checks(path, query, **headers), portal(path, query, **headers)


def test_the_fast_path_assumes_what_the_rest_framework_views_are():
    """If a check view changes its authentication, permission, throttle or rendering, the fast path must too."""
    for view_class in fast_checks.VIEWS.values():
        view = view_class()
        assert [type(a) for a in view.get_authenticators()][0] is ApiTokenAuthentication
        assert [type(t) for t in view.get_throttles()] == [TokenRateThrottle]
        assert [type(r) for r in view.get_renderers()] == [JSONRenderer]
        assert view.settings.URL_FORMAT_OVERRIDE == "format"
        [permission] = view.get_permissions()
        assert {role for role in Role.values if permission.has_permission(_Request(role), view)} == set(
            check_views.CHECK_ROLES
        )
    assert set(fast_checks.VIEWS.values()) == {
        view
        for view in vars(check_views).values()
        if isinstance(view, type) and issubclass(view, check_views._CheckView)
    } - {check_views._CheckView}


class _Request:
    def __init__(self, role):
        self.user = SimpleNamespace(is_authenticated=True, is_superuser=False, _role_names=frozenset({role}))


@pytest.mark.parametrize(
    ("path", "query"),
    [
        (CHECK, "number=XD1234567&country=ES"),  # a hit
        (CHECK, "number=XD1234567"),  # a hit, without the country
        (CHECK, "number=ZZ1234567&country=FR"),  # no hit
        (CHECK, "number=%3C%3C%3C"),  # invalid: 400 with the field named
        ("/api/v1/check/vehicle", "vin=WVWZZZ1JZXW000001"),
        ("/api/v1/check/vehicle", "plate=AB-123-CD&country=FR"),
        ("/api/v1/check/vehicle", ""),
        ("/api/v1/check/firearm", "serial=ABC00001&make=Glock"),
        ("/api/v1/check/firearm", "serial=NOPE123"),
    ],
)
@pytest.mark.parametrize("language", ["en", "fr", "ar"])
def test_an_admitted_check_is_answered_on_the_fast_path_as_the_rest_framework_answers_it(
    path, query, language, officer_fr, rest_framework_views
):
    officer_fr.preferred_language = language
    officer_fr.save()
    TravelDocumentFactory(number="XD1234567", issuing_country="ESP")
    VehicleFactory(vin="WVWZZZ1JZXW000001", plate="AB-123-CD", plate_country="FRA")
    FirearmFactory(make="Glock GmbH", serial_number="ABC00001")
    _token, key = api_token_create(user=officer_fr, name="border post")

    fast, slow = both(path, query, authorization=f"Token {key}", accept_language="es")

    assert rest_framework_views == [rest_framework_views[0]]  # the portal's call only
    assert fast == slow
    status, headers, _body = fast
    assert status in (200, 400) and headers["Content-Language"] == language
    assert AuditEntry.objects.filter(action__startswith="check.", actor=officer_fr).count() == 2


def test_the_same_hit_twice_gives_the_same_answer_on_both_paths(officer_fr):
    TravelDocumentFactory(number="XD1234567", issuing_country="ESP")
    _token, key = api_token_create(user=officer_fr, name="border post")
    first, second = both(CHECK, "number=XD1234567&country=ES", authorization=f"Token {key}")
    assert first == second and json.loads(first[2])["hit"] is True


@pytest.mark.parametrize("accept", ["*/*", "application/json", "text/html, */*", "application/*"])
def test_an_accept_header_that_takes_plain_json_stays_on_the_fast_path(accept, officer_fr, rest_framework_views):
    _token, key = api_token_create(user=officer_fr, name="border post")
    status, headers, _body = checks(CHECK, "number=ZZ1234567", authorization=f"Token {key}", accept=accept)
    assert (status, headers["Content-Type"], rest_framework_views) == (200, "application/json", [])


def _revoked(user):
    token, key = api_token_create(user=user, name="t")
    api_token_revoke(token=token, actor=user)
    return key


def _expired(user):
    token, key = api_token_create(user=user, name="t")
    token.expires_at = timezone.now() - datetime.timedelta(minutes=1)
    token.save()
    return key


def _disabled(user):
    _token, key = api_token_create(user=user, name="t")
    user.is_active = False
    user.save()
    return key


def _without_check_role(user):
    _token, key = api_token_create(user=UserFactory(roles=[Role.TRAINING_COORDINATOR]), name="t")
    return key


@pytest.mark.parametrize(
    ("make_key", "status"),
    [(_revoked, 401), (_expired, 401), (_disabled, 401), (_without_check_role, 403)],
    ids=["revoked", "expired", "disabled account", "no check role"],
)
def test_a_refused_token_is_handed_over_and_refused_and_audited_as_on_the_portal(
    make_key, status, officer_fr, rest_framework_views
):
    key = make_key(officer_fr)
    fast, slow = both(CHECK, "number=ZZ1234567", authorization=f"Token {key}")
    assert fast == slow and fast[0] == status
    assert rest_framework_views == ["TravelDocumentCheck", "TravelDocumentCheck"]
    assert (
        list(AuditEntry.objects.filter(action="access.denied").values_list("outcome", flat=True)) == [str(status)] * 2
    )
    assert not AuditEntry.objects.filter(action="check.travel-document").exists()


@pytest.mark.parametrize(
    ("query", "headers", "status"),
    [
        ("number=ZZ1234567", {"authorization": "Token a b"}, 401),
        # As a server passes it: the header's UTF-8 bytes read as Latin-1.
        ("number=ZZ1234567", {"authorization": "Token ключ".encode().decode("latin-1")}, 401),
        ("number=ZZ1234567", {"accept": "text/html"}, 406),
        ("number=ZZ1234567", {"accept": "application/json; indent=4"}, 200),
        ("number=ZZ1234567&format=json", {}, 200),
        ("number=ZZ1234567&format=xml", {}, 404),
    ],
    ids=["malformed header", "non-ASCII token", "not JSON", "indented JSON", "format=json", "format=xml"],
)
def test_what_the_rest_framework_negotiates_is_handed_over_to_it(
    query, headers, status, officer_fr, rest_framework_views
):
    _token, key = api_token_create(user=officer_fr, name="border post")
    headers = {"authorization": f"Token {key}", **headers}
    fast, slow = both(CHECK, query, **headers)
    assert fast == slow and fast[0] == status
    assert rest_framework_views == ["TravelDocumentCheck", "TravelDocumentCheck"]


@pytest.mark.parametrize("method", ["HEAD", "POST", "OPTIONS"])
def test_other_methods_go_to_the_rest_framework(method, officer_fr, rest_framework_views):
    _token, key = api_token_create(user=officer_fr, name="border post")
    status, _headers, _body = checks(CHECK, "number=ZZ1234567", method=method, authorization=f"Token {key}")
    assert status == portal(CHECK, "number=ZZ1234567", method=method, authorization=f"Token {key}")[0]
    assert rest_framework_views == ["TravelDocumentCheck", "TravelDocumentCheck"]


def test_an_admitted_call_counts_once_and_past_the_limit_the_rest_framework_throttles(
    officer_fr, monkeypatch, rest_framework_views
):
    monkeypatch.setattr(TokenRateThrottle, "THROTTLE_RATES", {"token": "2/min"})
    _token, key = api_token_create(user=officer_fr, name="border post")
    answers = [checks(CHECK, "number=ZZ1234567", authorization=f"Token {key}") for _ in range(3)]
    assert [status for status, _headers, _body in answers] == [200, 200, 429]
    assert rest_framework_views == ["TravelDocumentCheck"]  # only the third
    assert "Retry-After" in answers[2][1]
    assert AuditEntry.objects.filter(action="check.travel-document").count() == 2


def test_a_database_failure_is_a_503_with_the_reason_on_both_paths(officer_fr, monkeypatch):
    def unavailable(**kwargs):
        raise OperationalError("server closed the connection unexpectedly")

    monkeypatch.setattr(fast_checks.services, "check", unavailable)
    monkeypatch.setattr(check_views.services, "check", unavailable)
    _token, key = api_token_create(user=officer_fr, name="border post")
    fast, slow = both(CHECK, "number=ZZ1234567", authorization=f"Token {key}")
    assert fast == slow and fast[0] == 503
    assert json.loads(fast[2]) == {"detail": "The database is unavailable; try again in a moment."}


def test_the_token_use_is_recorded_on_the_fast_path(officer_fr, rest_framework_views):
    token, key = api_token_create(user=officer_fr, name="border post")
    checks(CHECK, "number=ZZ1234567", authorization=f"Token {key}")
    token.refresh_from_db()
    assert token.last_used_at is not None and rest_framework_views == []


def test_a_token_revoked_after_a_fast_check_is_refused_at_the_next(officer_fr, rest_framework_views):
    token, key = api_token_create(user=officer_fr, name="border post")
    assert checks(CHECK, "number=ZZ1234567", authorization=f"Token {key}")[0] == 200
    api_token_revoke(token=token, actor=officer_fr)
    assert checks(CHECK, "number=ZZ1234567", authorization=f"Token {key}")[0] == 401
    assert rest_framework_views == ["TravelDocumentCheck"]


def test_equal_cached_bytes_give_the_token_decoded_once_and_new_bytes_a_new_one(officer_fr):
    token, _key = api_token_create(user=officer_fr, name="border post")
    stored = pickle.dumps(token)
    assert decoded_once(stored) is decoded_once(bytes(stored))
    token.last_used_at = timezone.now()
    assert decoded_once(pickle.dumps(token)) is not decoded_once(stored)
    assert decoded_once(pickle.dumps(token)).last_used_at == token.last_used_at
