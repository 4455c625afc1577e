"""Rate limits of the API: per token for NCB systems, per client address for the public endpoints.

A fixed window counted with one atomic Redis increment per request. DRF's default throttle keeps and re-pickles
the list of every request time in the window (thousands of entries at a border post's rate) on every call,
which costs more than the check it protects.
"""

import time

from django.core.cache import cache
from redis.exceptions import RedisError
from rest_framework.throttling import BaseThrottle

from interpol_portal.cache import redis_unavailable

from ..models import ApiToken


class FixedWindowThrottle(BaseThrottle):
    scope = ""
    # Read from the REST_FRAMEWORK setting unless a test sets rates on the class.
    THROTTLE_RATES: dict | None = None

    def __init__(self):
        self.num_requests, self.duration = self.parse_rate(self.get_rate())
        self.window_ends = 0.0

    def get_rate(self) -> str:
        from rest_framework.settings import api_settings

        rates = self.THROTTLE_RATES or api_settings.DEFAULT_THROTTLE_RATES
        return rates[self.scope]

    @staticmethod
    def parse_rate(rate: str) -> tuple[int, int]:
        number, period = rate.split("/")
        return int(number), {"s": 1, "m": 60, "h": 3600, "d": 86400}[period[0]]

    def ident_of(self, request) -> str:
        raise NotImplementedError

    def current_key(self, ident: str) -> str:
        """The key counting `ident`'s requests in the current window (and note when the window ends)."""
        window = int(time.time() // self.duration)
        self.window_ends = (window + 1) * self.duration
        return f"throttle:{self.scope}:{ident}:{window}"

    def allow_request(self, request, view) -> bool:
        key = self.current_key(self.ident_of(request))
        counted = getattr(request, "counted_request", None)
        if counted is not None and counted[0] == key:  # counted with the token's read (authentication)
            return counted[1] <= self.num_requests
        return _increment(key, self.duration + 1) <= self.num_requests

    def wait(self) -> float:
        return max(0.0, self.window_ends - time.time())


def read_and_count(read_key: str | None, count_key: str, timeout: int, *, decode=None) -> tuple[object | None, int]:
    """cache.get(read_key) and one request counted under count_key, in a single round trip to Redis.

    A check reads its cached token and counts against the token's rate limit: one pipeline instead of two
    round trips (without `read_key`, the count alone). `decode`, when given, turns the cached bytes into the value
    instead of the cache's own serializer. Without Redis (another backend, or Redis down) each part
    falls back on its own; with Redis down nothing is counted: checks go on unthrottled rather than failing
    (interpol_portal.cache).
    """
    backend = getattr(cache, "_cache", None)
    if backend is None or not hasattr(backend, "get_client"):
        return (cache.get(read_key) if read_key else None), _count_in_cache(count_key, timeout)
    full_count = cache.make_and_validate_key(count_key)
    try:
        pipeline = backend.get_client(full_count, write=True).pipeline(transaction=False)
        if read_key:
            pipeline.get(cache.make_and_validate_key(read_key))
        pipeline.incr(full_count)
        pipeline.expire(full_count, timeout, nx=True)
        answers = pipeline.execute()
    except RedisError as error:
        redis_unavailable("token and rate limit" if read_key else "rate limit", error)
        return None, 0
    value = answers[0] if read_key else None
    return (None if value is None else (decode or backend._serializer.loads)(value)), int(answers[-2])


def _increment(key: str, timeout: int) -> int:
    """Count one request: a single round trip to Redis (INCR and EXPIRE pipelined), atomic across workers."""
    return read_and_count(None, key, timeout)[1]


def _count_in_cache(key: str, timeout: int) -> int:
    cache.add(key, 0, timeout=timeout)
    try:
        return cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=timeout)
        return 1


def token_ident(digest: str) -> str:
    """What a token's requests are counted under: its digest is known before the token is read."""
    return f"token-{digest[:32]}"


class TokenRateThrottle(FixedWindowThrottle):
    """Each NCB system has its own budget, so one busy system cannot starve another."""

    scope = "token"

    def ident_of(self, request) -> str:
        if isinstance(request.auth, ApiToken):
            return token_ident(request.auth.digest)
        if request.user is not None and request.user.is_authenticated:
            return f"user-{request.user.pk}"
        return self.get_ident(request)


class PublicRateThrottle(FixedWindowThrottle):
    """For the public, unauthenticated endpoints: per client address."""

    scope = "public"

    def ident_of(self, request) -> str:
        return self.get_ident(request)
