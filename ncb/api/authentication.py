"""Token authentication for NCB systems: `Authorization: Token <key>`; only a digest is stored."""

from django.core.cache import cache
from django.core.cache.backends.redis import RedisSerializer
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from rest_framework import authentication, exceptions

from ..models import ApiToken
from ..roles import role_names
from .throttling import TokenRateThrottle, read_and_count, token_ident

# A border post checks many times a second with the same token: keep the resolved token, user, unit and roles
# in the cache briefly instead of a four-table join and a groups query per check. Revoking a token deletes its
# entry at once; deactivating a user or changing roles takes effect within this many seconds.
TOKEN_CACHE_SECONDS = 30


def cached_token(digest: str, request=None, *, reuse: bool = False) -> ApiToken | None:
    """The token of this digest, from the cache or the database.

    With `request`, the request is counted against the token's rate limit in the same round trip to Redis
    (TokenRateThrottle then uses that count instead of counting again). With `reuse`, the token decoded from the
    same cached bytes by an earlier call of this process is returned again (decoded_once).
    """
    key = ApiToken.cache_key(digest)
    if request is None:
        token = cache.get(key)
    else:
        throttle = TokenRateThrottle()
        count_key = throttle.current_key(token_ident(digest))
        token, count = read_and_count(key, count_key, throttle.duration + 1, decode=decoded_once if reuse else None)
        request.counted_request = (count_key, count)
    if token is None:
        token = ApiToken.objects.select_related("user__unit__country").filter(digest=digest).first()
        if token is None:
            return None
        role_names(token.user)  # computed now so that the cached user carries its roles
        cache.set(key, token, TOKEN_CACHE_SECONDS)
    return token


def token_refusal(token: ApiToken | None, now) -> str | None:
    """Why this token may not authenticate a call (translated), or None when it may."""
    if token is None or token.revoked_at is not None:
        return _("Invalid or revoked token.")
    if token.expires_at is not None and token.expires_at <= now:
        return _("This token has expired.")
    if not token.user.is_active:
        return _("The account of this token is disabled.")
    return None


def note_use(token: ApiToken, now) -> None:
    """Record the token's use, at most once a minute: a busy border post must not turn every check into a write."""
    if token.last_used_at is None or (now - token.last_used_at).total_seconds() > 60:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
        token.last_used_at = now
        cache.set(ApiToken.cache_key(token.digest), token, TOKEN_CACHE_SECONDS)


# Cached token bytes -> the token decoded from them, for the check service's fast path (databases.api.fast_checks).
# Unpickling the token with its user, unit and country was a tenth of a check's CPU. Equal bytes decode to an equal
# token; a revoked token's entry is deleted, and any other change reaches the cache as new bytes, decoded anew.
# The fast path only reads the token and records its use (note_use, which caches new bytes).
_decoded: dict[bytes, ApiToken] = {}
DECODED_TOKENS = 256
_serializer = RedisSerializer()  # the Redis cache backend's own


def decoded_once(value: bytes) -> ApiToken:
    token = _decoded.get(value)
    if token is None:
        if len(_decoded) >= DECODED_TOKENS:
            _decoded.clear()
        token = _decoded[value] = _serializer.loads(value)
    return token


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
        token = cached_token(ApiToken.digest_of(key), request)
        now = timezone.now()
        refusal = token_refusal(token, now)
        if refusal is not None:
            raise exceptions.AuthenticationFailed(refusal)
        note_use(token, now)
        # The middleware runs before DRF authenticates: answer in the token owner's language from here on.
        translation.activate(token.user.preferred_language)
        request._request.LANGUAGE_CODE = token.user.preferred_language
        return token.user, token

    def authenticate_header(self, request):
        return self.keyword
