"""The Redis cache, made optional: when Redis cannot be reached the portal works on without it.

What the cache holds can be rebuilt or done without: resolved API tokens (read again from the database),
fixed-window rate limits (not counted while Redis is away: requests are let through rather than refused).
A check at a border post must not fail because the cache is down, so every operation that meets a Redis
error logs a warning (at most one every WARNING_INTERVAL seconds per process) and answers as a cache miss.
"""

import logging
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from redis.exceptions import RedisError

logger = logging.getLogger("interpol_portal.redis")
WARNING_INTERVAL = 30.0
_last_warning = 0.0


def redis_unavailable(what: str, error: Exception) -> None:
    """Log that Redis was not reachable for `what`; rate-limited so that an outage does not flood the logs."""
    global _last_warning
    now = time.monotonic()
    if now - _last_warning >= WARNING_INTERVAL:
        _last_warning = now
        logger.warning("Redis unavailable (%s): %s: %s; carrying on without it", what, type(error).__name__, error)


class ReusingRedisCacheClient(RedisCacheClient):
    """Django's client, keeping one redis-py client per connection pool instead of building one per call.

    Building a client sets up its table of about 170 response callbacks: a tenth of a cached token check's time.
    redis-py clients are thread-safe (each command takes a connection from the pool).
    """

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        clients = self.__dict__.setdefault("_clients", {})
        client = clients.get(id(pool))
        if client is None:
            client = clients[id(pool)] = self._client(connection_pool=pool)
        return client


class ResilientRedisCache(RedisCache):
    """Django's Redis cache, answering as a miss (and logging) when Redis is down."""

    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = ReusingRedisCacheClient

    def get(self, key, default=None, version=None):
        try:
            return super().get(key, default, version)
        except RedisError as error:
            redis_unavailable("cache get", error)
            return default

    def get_many(self, keys, version=None):
        try:
            return super().get_many(keys, version)
        except RedisError as error:
            redis_unavailable("cache get_many", error)
            return {}

    def has_key(self, key, version=None):
        try:
            return super().has_key(key, version)
        except RedisError as error:
            redis_unavailable("cache has_key", error)
            return False

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        try:
            return super().add(key, value, timeout, version)
        except RedisError as error:
            redis_unavailable("cache add", error)
            return False

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        try:
            super().set(key, value, timeout, version)
        except RedisError as error:
            redis_unavailable("cache set", error)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        try:
            return super().set_many(data, timeout, version)
        except RedisError as error:
            redis_unavailable("cache set_many", error)
            return list(data)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        try:
            return super().touch(key, timeout, version)
        except RedisError as error:
            redis_unavailable("cache touch", error)
            return False

    def incr(self, key, delta=1, version=None):
        # A counter that cannot be read counts from zero: rate limits let the request through.
        try:
            return super().incr(key, delta, version)
        except RedisError as error:
            redis_unavailable("cache incr", error)
            return delta

    def delete(self, key, version=None):
        try:
            return super().delete(key, version)
        except RedisError as error:
            redis_unavailable("cache delete", error)
            return False

    def delete_many(self, keys, version=None):
        try:
            super().delete_many(keys, version)
        except RedisError as error:
            redis_unavailable("cache delete_many", error)

    def clear(self):
        try:
            return super().clear()
        except RedisError as error:
            redis_unavailable("cache clear", error)
            return False
