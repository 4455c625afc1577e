"""The WSGI handler: one middleware chain for browsers, a shorter one for API calls made with a token.

An NCB system calling the API with `Authorization: Token ...` carries no session cookie and no CSRF token, and
authenticates in the view (DRF), so the session, CSRF, sign-in, two-factor, messages and lock-out middleware do
nothing for it but cost time: a fifth of a real-time check's (docs/benchmarks.md). Such calls take the chain
without them; everything else in MIDDLEWARE (security headers, language, refusal audit) runs for both.

The check service (interpol_portal.wsgi_checks) serves the real-time checks alone, through the token chain, in a
gunicorn pool of its own: a check there does not wait for a core behind a page render or a screening. Its single
checks take the fast path (databases.api.fast_checks): the same chain around views without the REST framework,
which hand over any call they would not answer as the REST framework does.
"""

from django.conf import settings
from django.core.handlers.wsgi import WSGIHandler, WSGIRequest
from django.http import JsonResponse
from django.middleware.clickjacking import XFrameOptionsMiddleware
from django.middleware.security import SecurityMiddleware
from django.urls import get_resolver
from django.utils import translation
from django.utils.translation import gettext as _

from .security import SecurityHeadersMiddleware

# Middleware that only acts on a browser session (what it does is in MIDDLEWARE's comments and its own code).
BROWSER_ONLY_MIDDLEWARE = frozenset(
    {
        "django.contrib.sessions.middleware.SessionMiddleware",
        "django.middleware.csrf.CsrfViewMiddleware",
        "django.contrib.auth.middleware.AuthenticationMiddleware",
        "django_otp.middleware.OTPMiddleware",
        "django.contrib.messages.middleware.MessageMiddleware",
        "ncb.middleware.UserLanguageMiddleware",
        "ncb.middleware.IdleTimeoutMiddleware",
        "ncb.middleware.TwoFactorRequiredMiddleware",
        "axes.middleware.AxesMiddleware",
    }
)


def token_api_call(environ: dict) -> bool:
    """A call to the API that authenticates with a token (the schemes of ncb.api.authentication)."""
    scheme = environ.get("HTTP_AUTHORIZATION", "")[:7].lower()
    return environ.get("PATH_INFO", "").startswith("/api/") and scheme.startswith(("token ", "bearer "))


class TokenApiHandler(WSGIHandler):
    """Django's handler with MIDDLEWARE less BROWSER_ONLY_MIDDLEWARE."""

    skipped_middleware = BROWSER_ONLY_MIDDLEWARE

    def load_middleware(self, is_async=False):
        # Django builds the chain from settings.MIDDLEWARE only; this runs once, when the worker starts.
        browser_chain = settings.MIDDLEWARE
        settings.MIDDLEWARE = [path for path in browser_chain if path not in self.skipped_middleware]
        try:
            super().load_middleware(is_async)
        finally:
            settings.MIDDLEWARE = browser_chain


class PortalHandler:
    """Sends each request to the browser chain or to the token API chain."""

    def __init__(self):
        self.browser = WSGIHandler()
        self.token_api = TokenApiHandler()

    def __call__(self, environ, start_response):
        handler = self.token_api if token_api_call(environ) else self.browser
        return handler(environ, start_response)


def check_service_call(environ: dict) -> bool:
    """A real-time check (databases/api/urls.py) or the health check: what the check service answers."""
    path = environ.get("PATH_INFO", "")
    return path.startswith("/api/v1/check/") or path == "/healthz"


class HandedOver(Exception):
    """Raised out of Django's handler so that the call can start again on another."""

    def __init__(self, response):
        super().__init__()
        self.response = response


class FastCheckHandler(TokenApiHandler):
    """The token chain around the fast path's views; a call they hand over goes to `fallback` as it came.

    Two middleware of the token chain are left out: WhiteNoise serves /static/ only, and the language middleware
    cost a tenth of a check's CPU for a language that the view replaces with the token owner's before anything is
    said (the view sets the two headers the language middleware would: Content-Language, Vary: Accept-Language).
    """

    skipped_middleware = BROWSER_ONLY_MIDDLEWARE | {
        "whitenoise.middleware.WhiteNoiseMiddleware",
        "django.middleware.locale.LocaleMiddleware",
    }

    def __init__(self, fallback):
        super().__init__()
        self.fallback = fallback
        from databases.api.fast_checks import HandOver, urlpatterns

        self.hand_over = HandOver
        self.paths = frozenset(f"/{pattern.pattern}" for pattern in urlpatterns)
        self.resolver = get_resolver("databases.api.fast_checks")

    def serves(self, environ: dict) -> bool:
        return environ.get("REQUEST_METHOD") == "GET" and environ.get("PATH_INFO") in self.paths

    def resolve_request(self, request):
        # The fast views' own map; the portal's stays the thread's urlconf, for the answers' links.
        request.resolver_match = self.resolver.resolve(request.path_info)
        return request.resolver_match

    def get_response(self, request):
        translation.deactivate()  # the settings' language until the view knows the caller's, never the last call's
        response = super().get_response(request)
        if isinstance(response, self.hand_over):
            raise HandedOver(response)
        return response

    def __call__(self, environ, start_response):
        try:
            return super().__call__(environ, start_response)
        except HandedOver as handed:
            handed.response.close()  # request_finished, as after any answer
            return self.fallback(environ, start_response)


class CheckServiceHandler:
    """The real-time checks and /healthz through the token chain; any other path a 404 that no view sees."""

    def __init__(self):
        self.token_api = TokenApiHandler()
        self.fast = FastCheckHandler(fallback=self.token_api)
        # The refusal takes its security headers from the portal's own middleware, without the handler or a view.
        self.refuse = SecurityMiddleware(XFrameOptionsMiddleware(SecurityHeadersMiddleware(self.refusal)))

    def __call__(self, environ, start_response):
        if token_api_call(environ) and self.fast.serves(environ):
            return self.fast(environ, start_response)
        if check_service_call(environ):
            return self.token_api(environ, start_response)
        response = self.refuse(WSGIRequest(environ))
        start_response(f"{response.status_code} {response.reason_phrase}", list(response.items()))
        return [response.content]

    @staticmethod
    def refusal(request) -> JsonResponse:
        # No language middleware runs for it: the language comes from the request itself.
        with translation.override(translation.get_language_from_request(request)):
            reason = _("This address serves the real-time checks only; use the portal's address for everything else.")
            response = JsonResponse({"detail": reason}, status=404, json_dumps_params={"ensure_ascii": False})
            response["Content-Language"] = translation.get_language()
        response["Content-Length"] = str(len(response.content))
        response["Vary"] = "Accept-Language, Cookie"
        return response
