"""GET /healthz: the state of the database, Redis and the Celery workers, for monitors and load balancers."""

import redis
from django.conf import settings
from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

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


@never_cache
@require_GET
def healthz(request):
    redis_state = check_redis()
    checks = {"database": check_database(), "redis": redis_state, "celery": check_celery(redis_state)}
    failing = sorted(name for name, state in checks.items() if state.startswith("down"))
    body = {"status": "ok" if not failing else "fail", "checks": checks, "failing": failing}
    return JsonResponse(body, status=503 if failing else 200)
