"""Celery tasks of the ncb app (queue `default`)."""

from celery import shared_task
from celery.signals import worker_ready


@shared_task(name="ncb.tasks.outbox_flush_task", acks_late=True)
def outbox_flush_task() -> int:
    """Every minute (beat), when a worker starts, and after an outage: send the tasks kept while Redis was down."""
    from .outbox import outbox_flush

    return outbox_flush()


@worker_ready.connect
def _flush_when_a_worker_starts(sender=None, **kwargs) -> None:
    outbox_flush_task.delay()
