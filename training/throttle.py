"""A fixed-window rate limit per client address, kept in the cache (Redis in every real deployment)."""

from django.core.cache import cache


def allow(request, *, scope: str, per_minute: int) -> bool:
    """Count one attempt; False once the client has made more than `per_minute` in the current minute."""
    address = request.META.get("REMOTE_ADDR") or "unknown"
    key = f"throttle:{scope}:{address}"
    # add() only sets a missing key, so the window starts with the first attempt and expires 60 s later.
    cache.add(key, 0, timeout=60)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add() and incr()
        cache.set(key, 1, timeout=60)
        count = 1
    return count <= per_minute
