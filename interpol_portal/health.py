"""GET /healthz: the state of the database, Redis and the Celery workers, for monitors and load balancers, and
whether the blocking keys are current (stale keys fail nothing: they only ask for a rebuild)."""

import redis
from django.conf import settings
from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from databases.services.match_keys import key_table_current

from .celery import app as celery_app


def check_database() -> str:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError as exc:
        return f"down: {exc.__class__.__name__}"
    return "ok"


def check_redis() -> str:
    if not settings.REDIS_URL:
        return "not configured"
    try:
        client = redis.Redis.from_url(settings.REDIS_URL, socket_connect_timeout=1, socket_timeout=1)
        client.ping()
    except redis.RedisError as exc:
        return f"down: {exc.__class__.__name__}"
    return "ok"


def check_celery(redis_state: str) -> str:
    if settings.CELERY_TASK_ALWAYS_EAGER:
        return "in-process"
    if redis_state != "ok":
        return "down: broker unreachable"
    try:
        replies = celery_app.control.ping(timeout=1.0)
    except (OSError, redis.RedisError) as exc:
        return f"down: {exc.__class__.__name__}"
    return f"ok: {len(replies)} worker(s)" if replies else "down: no worker answered"


def check_match_keys() -> str:
    """Whether the blocking keys are this code's: stale keys fail no request, but persons saved before a change to
    the matching code may be missed until `rebuild_match_keys` runs."""
    try:
        current = key_table_current()
    except DatabaseError as exc:
        return f"unknown: {exc.__class__.__name__}"  # the database check says why
    return "ok" if current else "stale: run manage.py rebuild_match_keys --if-stale"


@never_cache
@require_GET
def healthz(request):
    redis_state = check_redis()
    checks = {"database": check_database(), "redis": redis_state, "celery": check_celery(redis_state)}
    checks["match_keys"] = check_match_keys() if checks["database"] == "ok" else "unknown"
    failing = sorted(name for name, state in checks.items() if state.startswith("down"))
    body = {"status": "ok" if not failing else "fail", "checks": checks, "failing": failing}
    return JsonResponse(body, status=503 if failing else 200)
