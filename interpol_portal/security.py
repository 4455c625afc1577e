"""Security headers that Django does not set by itself."""

from django.conf import settings


class SecurityHeadersMiddleware:
    """Add the Content-Security-Policy (no inline script or style) and a restrictive Permissions-Policy."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        # The browsable API and the Swagger page of drf-spectacular use inline scripts; they are served only
        # to authenticated users and carry their own, slightly wider, policy.
        if not request.path.startswith(("/api/docs", "/admin/")):
            response.setdefault("Content-Security-Policy", settings.CONTENT_SECURITY_POLICY)
        response.setdefault("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()")
        response.setdefault("Cross-Origin-Opener-Policy", "same-origin")
        return response
