"""Tasks kept in the database while the broker (Redis) is unreachable, and sent when it is back.

interpol_portal.celery.OutboxTask calls task_keep() when a task cannot be sent, so that work queued by a
request (matching a new record, mailing a hit) survives a Redis outage instead of failing the request or being
lost. outbox_flush() sends the kept tasks again: from beat every minute, when a worker starts, and as soon as the
process that kept them manages to send a task again. After a failure a process stops trying the broker for
RETRY_AFTER seconds, so that requests during an outage do not each wait for connection retries.
"""

import logging
import time

import redis.exceptions
from django.db import DatabaseError, transaction
from kombu.exceptions import OperationalError

from .models import PendingTask

logger = logging.getLogger(__name__)
# What sending a task raises when the broker cannot be reached.
BROKER_ERRORS = (OperationalError, redis.exceptions.RedisError, OSError)
RETRY_AFTER = 5.0
FLUSH_TASK = "ncb.tasks.outbox_flush_task"
_state = {"down_until": 0.0, "kept": False}


def broker_recently_down() -> bool:
    return time.monotonic() < _state["down_until"]


def task_keep(*, name: str, args, kwargs, error: Exception | str) -> None:
    """Store a task that could not be sent; it is sent by the next outbox_flush()."""
    _state["down_until"], _state["kept"] = time.monotonic() + RETRY_AFTER, True
    try:
        PendingTask.objects.create(name=name, args=list(args or ()), kwargs=dict(kwargs or {}), error=str(error)[:300])
    except DatabaseError:
        logger.exception("task %s%s lost: the broker and the database are both unreachable", name, tuple(args or ()))
        return
    logger.warning("task %s kept in the outbox, the broker is unreachable: %s", name, error)


def task_sent() -> None:
    """After a task was sent: if this process kept tasks during an outage, have a worker send them now."""
    if not _state["kept"]:
        return
    from interpol_portal.celery import app

    _state["kept"] = False
    try:
        app.send_task(FLUSH_TASK)
    except BROKER_ERRORS:
        _state["kept"] = True


def outbox_flush(*, limit: int = 1000) -> int:
    """Send kept tasks, oldest first, and delete those sent; return how many. Stops at the first failure."""
    from interpol_portal.celery import app

    sent: list[int] = []
    with transaction.atomic():
        # SKIP LOCKED: two flushes at once (beat and a worker starting) send each task once.
        for row in PendingTask.objects.select_for_update(skip_locked=True).order_by("pk")[:limit]:
            try:
                app.send_task(row.name, args=row.args, kwargs=row.kwargs)
            except BROKER_ERRORS as error:
                logger.warning("outbox: the broker is still unreachable (%s); %d task(s) sent", error, len(sent))
                break
            sent.append(row.pk)
        PendingTask.objects.filter(pk__in=sent).delete()
    if sent:
        logger.warning("outbox: %d task(s) kept during a broker outage sent", len(sent))
    return len(sent)
