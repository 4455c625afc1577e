"""Every URL of the project, walked as an anonymous visitor: pages redirect to sign-in, the API refuses.

Generated from the URL configuration, so an endpoint added later is covered without writing a test for it.
"""

import re

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

pytestmark = pytest.mark.django_db

# Names of the patterns that are public on purpose.
PUBLIC = {
    "login",
    "set_language",
    "healthz",
    "logout",
    "favicon",
    "admin:login",
    "admin:logout",
    "admin:password_reset",
    "admin:javascript-catalog",
    "admin:view_on_site",
}
PUBLIC_PREFIXES = ("public", "certificate_verify")


def _walk(patterns, prefix="", namespace=""):
    for entry in patterns:
        if isinstance(entry, URLResolver):
            ns = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from _walk(entry.url_patterns, prefix + str(entry.pattern), ns)
        elif isinstance(entry, URLPattern):
            yield prefix + str(entry.pattern), f"{namespace}{entry.name or ''}"


def _concrete(route: str) -> str:
    route = route.replace("^", "").replace("$", "").replace("\\Z", "").replace("\\", "")
    route = re.sub(r"<(?:int:)?(?:pk|id|\w*_id|object_id)>", "1", route)
    route = re.sub(r"<uuid:\w+>", "00000000-0000-0000-0000-000000000000", route)
    route = re.sub(r"<(?:\w+:)?\w+>", "x", route)
    route = re.sub(r"\(\?P<\w+>[^)]*\)", "1", route)
    route = re.sub(r"\(\?:[^)]*\)\??", "", route)
    return "/" + route.lstrip("/")


def _routes():
    seen = set()
    for route, name in _walk(get_resolver().url_patterns):
        if name in PUBLIC or name.split(":")[-1].startswith(PUBLIC_PREFIXES) or "(?P<format>" in route:
            continue
        path = _concrete(route)
        # i18n_patterns: the walker sees the language prefix as "en/".
        if path in seen or "media/" in path:
            continue
        seen.add(path)
        yield pytest.param(path, name, id=name or path)


@pytest.mark.parametrize("path, name", list(_routes()))
def test_anonymous_visitor_is_sent_to_sign_in_or_refused(client, path, name):
    for method in ("get", "post"):
        response = getattr(client, method)(path)
        if path.startswith("/api/"):
            assert response.status_code in (401, 403, 405), (method, path, response.status_code)
        elif path.startswith("/static/"):
            continue
        else:
            assert response.status_code in (302, 405), (method, path, response.status_code)
            if response.status_code == 302:
                location = response["Location"]
                assert "/accounts/login/" in location or "/admin/login/" in location, (method, path, location)
