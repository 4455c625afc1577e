"""The single real-time checks on the check service's fast path: the REST framework's answers, without it.

A border post's check is the portal's hottest call, and for a check that is admitted the REST framework's request
wrapping, negotiation, authentication, permission and throttle classes and rendering cost about a third of its CPU
(docs/benchmarks.md). The check service (interpol_portal.handlers.CheckServiceHandler) sends a GET with a token to
one of these views instead. A view answers only a call that the REST framework's view (databases/api/checks.py)
would admit and render as plain JSON: a valid token of an active account holding a check role, within the
token's rate limit. It answers with the same service, body and headers. Any other call, refusals included, gets
`HandOver`, and the handler gives the untouched call to the REST framework's view, which answers it as the portal
does and audits the refusal.

tests/foundation/test_check_fast_path.py compares both paths' answers and guards the assumptions below.
"""

import logging

from django.db import DatabaseError, connection
from django.http import HttpResponse
from django.urls import path, reverse
from django.utils import timezone, translation
from rest_framework.renderers import JSONRenderer

from interpol_portal.api import database_unavailable_reason
from ncb.api.authentication import cached_token, note_use, token_refusal
from ncb.api.throttling import TokenRateThrottle
from ncb.models import ApiToken
from ncb.roles import has_role

from .. import services
from .checks import CHECK_ROLES, FirearmCheck, TravelDocumentCheck, VehicleCheck

logger = logging.getLogger("interpol_portal.api")

VIEWS = {
    "api_check_travel_document": TravelDocumentCheck,
    "api_check_vehicle": VehicleCheck,
    "api_check_firearm": FirearmCheck,
}
# What the REST framework adds to these views' answers (APIView.default_response_headers, one renderer).
ALLOW = "GET, HEAD, OPTIONS"
PLAIN_JSON = frozenset({"*/*", "application/*", "application/json"})


class HandOver(HttpResponse):
    """Not an answer: the call goes, as it came, to the REST framework's view."""


def check(request, view_class):
    if request.method != "GET" or not renders_plain_json(request):
        return HandOver()
    # Django would first test a kept connection with a round trip of its own (CONN_HEALTH_CHECKS); here the
    # check's first statement does: a connection found dead is closed and the call handed over, and the REST
    # framework's view answers it on a new connection.
    connection.health_check_done = True
    try:
        return answer(request, view_class)
    except DatabaseError:
        if not connection.is_usable():
            connection.close()
            return HandOver()
        logger.exception("Database error in API call")  # answered as interpol_portal.api.exception_handler does
        return json_answer({"detail": database_unavailable_reason()}, 503, translation.get_language())


def answer(request, view_class) -> HttpResponse:
    token = admitted_token(request)
    if token is None:
        return HandOver()
    # Where the REST framework's authentication would switch: the answer speaks the token owner's language.
    language = token.user.preferred_language
    translation.activate(language)
    request.LANGUAGE_CODE = language
    data = {name: request.GET.get(name, "") for name in view_class.fields}
    result = services.check(check_type=view_class.check_type, data=data, user=token.user, request=request)
    return json_answer(result.as_dict(), 400 if result.error else 200, language)


def renders_plain_json(request) -> bool:
    """True when the REST framework would render compact JSON: no `format` asked, and an Accept header that is
    absent or names JSON or anything without parameters (`application/json; indent=4` is negotiated there)."""
    if "format" in request.GET:
        return False
    ranges = [media.strip() for media in request.META.get("HTTP_ACCEPT", "").split(",") if media.strip()]
    return not ranges or (all(";" not in media for media in ranges) and any(media in PLAIN_JSON for media in ranges))


def admitted_token(request) -> ApiToken | None:
    """The call's token when the REST framework's view would admit the call, else None.

    Counts the call against the token's rate limit in the same round trip to Redis as reading the token, as the
    REST framework's authentication does. A refused call handed over is counted once more there: a refusal costs
    its token two units of its budget instead of one.
    """
    words = request.META.get("HTTP_AUTHORIZATION", "").split()
    if len(words) != 2 or words[0].lower() not in ("token", "bearer") or not words[1].isascii():
        return None
    token = cached_token(ApiToken.digest_of(words[1]), request, reuse=True)
    now = timezone.now()
    if token_refusal(token, now) is not None or not has_role(token.user, *CHECK_ROLES):
        return None
    _window, count = request.counted_request
    if count > TokenRateThrottle().num_requests:
        return None
    note_use(token, now)
    return token


def json_answer(data: dict, status: int, language: str) -> HttpResponse:
    response = HttpResponse(JSONRenderer().render(data), status=status, content_type="application/json")
    response["Allow"] = ALLOW
    # What the language middleware adds to an answer on a path without a language prefix.
    response["Vary"] = "Accept-Language"
    response["Content-Language"] = language
    return response


# The fast path's URL map (interpol_portal.handlers.FastCheckHandler resolves with it): the portal's own paths.
urlpatterns = [
    path(reverse(name).lstrip("/"), check, {"view_class": view_class}, name=name) for name, view_class in VIEWS.items()
]
