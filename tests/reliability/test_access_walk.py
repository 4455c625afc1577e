"""Every URL that takes a record id, walked as the users who may not see that record.

Generated from the URL configuration: each id-taking route gets an object of its kind owned by ncb-fr
(restricted where records can be), then is requested by an officer and a head of a country the restriction
excludes ("only" DE: the United States; "all_except" ES: Spain), by a holder of each role that may not use the
view and, for pages of the owner only, by another NCB. Each must answer 403 or 404 (405 for a method the view
does not take; the anonymous visitor is sent to sign in), never the record: its reference or name is not in the
body, the object is unchanged and the refusal is in the audit trail. A new id-taking route that
access_targets.TARGETS does not know fails test_every_id_route_is_known, so that new endpoints are covered.
"""

import re

import pytest
from django.contrib.auth.models import Permission
from django.forms.models import model_to_dict
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from rest_framework.test import APIClient

from ncb.models import AuditEntry, Unit
from ncb.roles import Role
from ncb.services import api_token_create
from tests.ncb.factories import UserFactory
from tests.reliability.access_targets import TARGETS, restrict, secret

pytestmark = pytest.mark.django_db

ID_KWARG = re.compile(r"^(pk|id|uuid|object_id|url_id|\w+_id|\w+_pk)$")
REFUSED = {403, 404, 405}
ROLE_UNIT = {
    Role.NCB_OFFICER: "ncb-us",
    Role.NCB_HEAD: "ncb-us",
    Role.CCC_DUTY_OFFICER: "ccc-lyon",
    Role.CCC_SUPERVISOR: "ccc-lyon",
}


def _kwarg_names(pattern) -> list[str]:
    if hasattr(pattern, "converters") and pattern.converters:
        return list(pattern.converters)
    regex = getattr(pattern, "regex", None)
    return list(regex.groupindex) if regex is not None else []


def _walk(patterns, namespace="", kwargs=()):
    for entry in patterns:
        names = (*kwargs, *_kwarg_names(entry.pattern))
        if isinstance(entry, URLResolver):
            ns = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from _walk(entry.url_patterns, ns, names)
        elif isinstance(entry, URLPattern) and entry.name:
            yield f"{namespace}{entry.name}", names, entry


def id_routes() -> dict[str, URLPattern]:
    """Id-taking routes by name, the admin's apart (test_admin_walk covers those)."""
    routes = {}
    for name, kwargs, entry in _walk(get_resolver().url_patterns):
        if name.startswith("admin:") or "format" in kwargs:
            continue
        if any(ID_KWARG.match(kwarg) for kwarg in kwargs):
            routes[name] = entry
    return routes


ROUTES = id_routes()


def test_every_id_route_is_known():
    unknown = sorted(set(ROUTES) - set(TARGETS))
    assert not unknown, f"add these id-taking URLs to tests/reliability/access_targets.py TARGETS: {unknown}"
    assert not set(TARGETS) - set(ROUTES), "TARGETS names routes that no longer exist"


def _methods(entry: URLPattern, api: bool) -> list[str]:
    callback = entry.callback
    if not api:
        return ["get", "post"]
    actions = getattr(callback, "actions", None)
    if actions:
        return sorted(actions)
    view_class = getattr(callback, "view_class", None) or getattr(callback, "cls", None)
    return [m for m in ("get", "post", "put", "patch", "delete") if hasattr(view_class, m)] or ["get"]


def _body(response) -> bytes:
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content)
    return response.content


def _snapshot(obj) -> dict:
    obj.refresh_from_db()
    return {key: value for key, value in model_to_dict(obj).items() if not hasattr(value, "read")}


class Intruders:
    """Users who must be refused, each signed in once per test (a session for pages, a token for the API)."""

    def __init__(self):
        self._clients = {}

    def user(self, key: str):
        if key.startswith("role:"):
            role = key.split(":", 1)[1]
            return UserFactory(unit=Unit.objects.get(code=ROLE_UNIT.get(role, "gs-lyon")), roles=[role])
        code, roles = {
            "officer_us": ("ncb-us", ["ncb_officer"]),
            "head_us": ("ncb-us", ["ncb_officer", "ncb_head"]),
            "officer_es": ("ncb-es", ["ncb_officer"]),
            "head_es": ("ncb-es", ["ncb_officer", "ncb_head"]),
        }[key]
        return UserFactory(unit=Unit.objects.get(code=code), roles=roles)

    def client(self, key: str, api: bool):
        if (key, api) not in self._clients:
            if key == "anonymous":
                client = APIClient() if api else Client()
            elif api:
                client = APIClient()
                _token, secret_key = api_token_create(user=self.user(key), name="walk")
                client.credentials(HTTP_AUTHORIZATION=f"Token {secret_key}")
            else:
                client = Client()
                client.force_login(self.user(key))
            self._clients[(key, api)] = client
        return self._clients[(key, api)]


def _check(name, entry, built, who, intruders, *, soft=False):
    """`soft`: the user may see the record but not act on it; a page may then refuse with a message and a
    redirect (302), as long as nothing changed."""
    path = reverse(name, kwargs=built.kwargs)
    api = path.startswith("/api/")
    before = _snapshot(built.obj) if built.obj is not None else None
    for method in _methods(entry, api):
        client = intruders.client(who, api)
        kwargs = {"format": "json"} if api and method != "get" else {}
        response = getattr(client, method)(path, {}, **kwargs) if method != "get" else client.get(path)
        where = (who, method.upper(), path, response.status_code)
        if who == "anonymous" and not api and response.status_code == 302:
            assert "/accounts/login/" in response["Location"], where
        elif who == "anonymous" and api:
            assert response.status_code in {401, 403, 404, 405}, where
        else:
            assert response.status_code in (REFUSED | {302} if soft and not api else REFUSED), where
        assert built.secret.encode() not in _body(response), where
        if response.status_code in {401, 403, 404}:
            denied = AuditEntry.objects.filter(action="access.denied").order_by("-pk").first()
            assert denied is not None and denied.query["path"] == path, (*where, "refusal not audited")
    if before is not None:
        assert _snapshot(built.obj) == before, (who, path, "changed by a refused request")


@pytest.mark.parametrize("name", sorted(ROUTES))
def test_id_route_refuses_who_may_not_see_the_record(name):
    if name not in TARGETS:
        pytest.skip("unknown route: test_every_id_route_is_known fails for it")
    target, entry, intruders = TARGETS[name], ROUTES[name], Intruders()
    unrestricted = target.build("all", [])
    for built in unrestricted:
        _check(name, entry, built, "anonymous", intruders)
    if target.public:
        return
    # Countries the owner's restriction excludes.
    for restriction, countries, who in (("only", ["DE"], "officer_us"), ("all_except", ["ES"], "officer_es")):
        for index, built in enumerate(target.build(restriction, countries)):
            _check(name, entry, built, who, intruders)
            if index == 0:
                _check(name, entry, built, who.replace("officer", "head"), intruders)
    # Every role that may not use the view, on a record nobody is restricted from (roles are checked before
    # the kind of record matters: one of a kind is enough).
    for built in unrestricted[:1]:
        for role in sorted(set(Role.values) - target.allowed):
            _check(name, entry, built, f"role:{role}", intruders)
        if target.owner_only:
            _check(name, entry, built, "officer_us", intruders, soft=True)
            _check(name, entry, built, "head_us", intruders, soft=True)


# --- the admin ------------------------------------------------------------------------------------------------

# Admin models holding owned records: a staff user of an excluded country must not reach them either.
ADMIN_OWNED = {
    "databases.person": "persons",
    "databases.traveldocument": "travel-documents",
    "databases.vehicle": "vehicles",
    "databases.artwork": "artworks",
    "databases.firearm": "firearms",
    "notices.notice": "notice",
    "notices.diffusion": "diffusion",
}
# Admin models of reference data, staff and workflow objects without an owner's restriction.
ADMIN_OTHER = {
    "auth.group",
    "ncb.country",
    "ncb.unit",
    "ncb.user",
    "ncb.auditentry",
    "ncb.apitoken",
    "ncb.notification",
    "databases.hit",
    "databases.importjob",
    "databases.matchsweep",  # counts only: no record, no owner
    "notices.publicextract",
    "ccc.case",
    "ccc.message",
    "ccc.handover",
    "training.topic",
    "training.course",
    "training.session",
    "training.enrolment",
    "training.certificate",
    "training.trainingneed",
    "analysis.modusoperanditag",
    "axes.accessattempt",
    "axes.accessfailurelog",
    "axes.accesslog",
    "django_celery_beat.clockedschedule",
    "django_celery_beat.crontabschedule",
    "django_celery_beat.intervalschedule",
    "django_celery_beat.periodictask",
    "django_celery_beat.solarschedule",
    "otp_static.staticdevice",
    "otp_totp.totpdevice",
}


def admin_models() -> set[str]:
    from django.contrib import admin

    return {f"{model._meta.app_label}.{model._meta.model_name}" for model in admin.site._registry}


def test_every_admin_model_is_classified():
    unknown = sorted(admin_models() - set(ADMIN_OWNED) - ADMIN_OTHER)
    assert not unknown, f"classify these admin models in tests/reliability/test_access_walk.py: {unknown}"


def _owned(kind: str, restriction: str, countries: list[str]):
    from tests.reliability import access_targets as t

    if kind in t.DATABASES:
        item = t.record(kind, restriction, countries)
        return item, item.reference
    built = (t.notice if kind == "notice" else t.diffusion)(restriction, countries)[0]
    return built.obj, built.secret


def _admin_routes():
    for name, kwargs, _entry in _walk(get_resolver().url_patterns):
        if name.startswith("admin:") and "object_id" in kwargs and name != "admin:view_on_site":
            yield name


@pytest.mark.parametrize("label", sorted(ADMIN_OWNED))
def test_admin_hides_restricted_records_from_staff_of_excluded_countries(label):
    app_label, model_name = label.split(".")
    staff = UserFactory(unit=Unit.objects.get(code="ncb-es"), roles=["administrator"], is_staff=True)
    staff.user_permissions.set(Permission.objects.filter(content_type__app_label=app_label))
    officer = UserFactory(unit=Unit.objects.get(code="ncb-fr"), roles=["ncb_officer"], username="rel.nostaff")
    item, hidden = _owned(ADMIN_OWNED[label], "all_except", ["ES"])
    staff_client, officer_client = Client(), Client()
    staff_client.force_login(staff)
    officer_client.force_login(officer)
    for action in ("change", "history", "delete"):
        path = reverse(f"admin:{app_label}_{model_name}_{action}", args=[item.pk])
        response = staff_client.get(path)
        assert response.status_code in {302, 403, 404}, (path, response.status_code)
        assert hidden.encode() not in response.content, path
        response = staff_client.post(path, {"post": "yes"})
        assert response.status_code in {302, 403, 404}, (path, response.status_code)
        assert type(item).objects.filter(pk=item.pk).exists(), (path, "deleted by an excluded staff user")
        response = officer_client.get(path)
        assert response.status_code == 302 and "/admin/login/" in response["Location"], path
    listing = staff_client.get(reverse(f"admin:{app_label}_{model_name}_changelist"))
    assert hidden.encode() not in listing.content


def test_admin_object_pages_send_non_staff_to_sign_in():
    officer = UserFactory(unit=Unit.objects.get(code="ncb-fr"), roles=["ncb_officer", "ncb_head"])
    client = Client()
    client.force_login(officer)
    names = sorted(_admin_routes())
    assert names
    for name in names:
        path = reverse(name, kwargs={"object_id": "1"})
        response = client.get(path)
        assert response.status_code == 302 and "/admin/login/" in response["Location"], (name, response.status_code)


def test_restrict_helper_lists_countries(ncb_fr):
    """The restriction the walk relies on is the one the access policy reads."""
    from ncb.access import access_allows
    from tests.reliability.access_targets import record

    item = record("persons", "all_except", ["ES"])
    assert not access_allows(record=item, unit=Unit.objects.get(code="ncb-es"))
    assert access_allows(record=restrict(item, "only", ["ES"]), unit=Unit.objects.get(code="ncb-es"))
    assert secret() != secret()
