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

    def allow_request(self, request, view) -> bool:
        now = time.time()
        window = int(now // self.duration)
        self.window_ends = (window + 1) * self.duration
        key = f"throttle:{self.scope}:{self.ident_of(request)}:{window}"
        return _increment(key, self.duration + 1) <= self.num_requests

    def wait(self) -> float:
        return max(0.0, self.window_ends - time.time())


def _increment(key: str, timeout: int) -> int:
    """Count one request: a single round trip to Redis (INCR and EXPIRE pipelined), atomic across workers."""
    backend = getattr(cache, "_cache", None)
    if backend is not None and hasattr(backend, "get_client"):
        full_key = cache.make_and_validate_key(key)
        try:
            client = backend.get_client(full_key, write=True)
            pipeline = client.pipeline(transaction=False)
            pipeline.incr(full_key)
            pipeline.expire(full_key, timeout, nx=True)
            return int(pipeline.execute()[0])
        except RedisError as error:
            # Without Redis nothing is counted: checks go on unthrottled rather than failing (interpol_portal.cache).
            redis_unavailable("rate limit", error)
            return 0
    cache.add(key, 0, timeout=timeout)
    try:
        return cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=timeout)
        return 1


class TokenRateThrottle(FixedWindowThrottle):
    """Each NCB system has its own budget, so one busy system cannot starve another."""

    scope = "token"

    def ident_of(self, request) -> str:
        if isinstance(request.auth, ApiToken):
            return f"token-{request.auth.pk}"
        if request.user is not None and request.user.is_authenticated:
            return f"user-{request.user.pk}"
        return self.get_ident(request)


class PublicRateThrottle(FixedWindowThrottle):
    """For the public, unauthenticated endpoints: per client address."""

    scope = "public"

    def ident_of(self, request) -> str:
        return self.get_ident(request)
