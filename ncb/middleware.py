"""Per-request policies of signed-in users: language, idle time-out, two-factor authentication."""

import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from .roles import PRIVILEGED_ROLES, has_role


class UserLanguageMiddleware:
    """Pages without a language prefix (the API, health) answer in the signed-in user's preferred language."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and request.path.startswith("/api/"):
            translation.activate(user.preferred_language)
            request.LANGUAGE_CODE = user.preferred_language
        return self.get_response(request)


class IdleTimeoutMiddleware:
    """Sign out a browser session idle for longer than SESSION_IDLE_TIMEOUT seconds."""

    SESSION_KEY = "_last_activity"

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        signed_in = user is not None and user.is_authenticated and hasattr(request, "session")
        if signed_in and "_auth_user_id" in request.session:
            now = int(time.time())
            last = request.session.get(self.SESSION_KEY)
            if last is not None and now - int(last) > settings.SESSION_IDLE_TIMEOUT:
                logout(request)
                messages.info(request, _("You were signed out after a period of inactivity."))
                return redirect(f"{reverse('login')}?next={request.path}")
            # Polling (htmx refresh) must not keep a session alive forever: only real navigation counts.
            if request.headers.get("X-Poll") != "1":
                request.session[self.SESSION_KEY] = now
        return self.get_response(request)


class TwoFactorRequiredMiddleware:
    """Holders of privileged roles must pass a TOTP check before using the portal, when the setting says so."""

    EXEMPT_NAMES = ("login", "logout", "otp_setup", "otp_verify", "set_language")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if (
            settings.OTP_REQUIRED_FOR_PRIVILEGED
            and user is not None
            and user.is_authenticated
            and "_auth_user_id" in getattr(request, "session", {})
            and not user.is_verified()
            and (user.is_superuser or has_role(user, *PRIVILEGED_ROLES))
            and not self._exempt(request)
        ):
            from django_otp import devices_for_user

            target = "otp_verify" if any(True for _d in devices_for_user(user)) else "otp_setup"
            return redirect(f"{reverse(target)}?next={request.path}")
        return self.get_response(request)

    def _exempt(self, request) -> bool:
        match = getattr(request, "resolver_match", None)
        if match is None:
            from django.urls import Resolver404, resolve

            try:
                match = resolve(request.path_info)
            except Resolver404:
                return True
        return match.url_name in self.EXEMPT_NAMES or request.path.startswith(("/static/", "/healthz", "/api/"))


class DeniedAccessAuditMiddleware:
    """Every refusal goes into the audit trail: 401 and 403 anywhere, and 404 on a page or endpoint that takes a
    record id, since that is how a record restricted from the caller's country answers. Probing for records
    someone may not see then shows in the trail, with who, what and from where."""

    AUDITED = {401, 403}

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        status = response.status_code
        if status in self.AUDITED or (status == 404 and _takes_a_record_id(request)):
            from .services import access_denied_record

            access_denied_record(request=request, status=status)
        return response


def _takes_a_record_id(request) -> bool:
    match = getattr(request, "resolver_match", None)
    if match is None:
        return False
    return any(name in ("pk", "id", "uuid") or name.endswith(("_id", "_pk")) for name in match.kwargs)
