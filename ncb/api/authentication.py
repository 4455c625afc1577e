"""Token authentication for NCB systems: `Authorization: Token <key>`; only a digest is stored."""

from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from rest_framework import authentication, exceptions

from ..models import ApiToken


class ApiTokenAuthentication(authentication.BaseAuthentication):
    keyword = "Token"

    def authenticate(self, request):
        header = authentication.get_authorization_header(request).split()
        if not header or header[0].lower() not in (b"token", b"bearer"):
            return None
        if len(header) != 2:
            raise exceptions.AuthenticationFailed(_("Invalid token header: give the token after the keyword."))
        try:
            key = header[1].decode()
        except UnicodeError:
            message = _("Invalid token header: the token has invalid characters.")
            raise exceptions.AuthenticationFailed(message) from None
        token = ApiToken.objects.select_related("user__unit__country").filter(digest=ApiToken.digest_of(key)).first()
        now = timezone.now()
        if token is None or token.revoked_at is not None:
            raise exceptions.AuthenticationFailed(_("Invalid or revoked token."))
        if token.expires_at is not None and token.expires_at <= now:
            raise exceptions.AuthenticationFailed(_("This token has expired."))
        if not token.user.is_active:
            raise exceptions.AuthenticationFailed(_("The account of this token is disabled."))
        # Record use at most once a minute: a busy border post must not turn every check into a write.
        if token.last_used_at is None or (now - token.last_used_at).total_seconds() > 60:
            ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
        # The middleware runs before DRF authenticates: answer in the token owner's language from here on.
        translation.activate(token.user.preferred_language)
        request._request.LANGUAGE_CODE = token.user.preferred_language
        return token.user, token

    def authenticate_header(self, request):
        return self.keyword
