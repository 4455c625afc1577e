"""The WSGI handler: one middleware chain for browsers, a shorter one for API calls made with a token.

An NCB system calling the API with `Authorization: Token ...` carries no session cookie and no CSRF token, and
authenticates in the view (DRF), so the session, CSRF, sign-in, two-factor, messages and lock-out middleware do
nothing for it but cost time: a fifth of a real-time check's (docs/benchmarks.md). Such calls take the chain
without them; everything else in MIDDLEWARE (security headers, language, refusal audit) runs for both.
"""

from django.conf import settings
from django.core.handlers.wsgi import WSGIHandler

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

    def load_middleware(self, is_async=False):
        # Django builds the chain from settings.MIDDLEWARE only; this runs once, when the worker starts.
        browser_chain = settings.MIDDLEWARE
        settings.MIDDLEWARE = [path for path in browser_chain if path not in BROWSER_ONLY_MIDDLEWARE]
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
