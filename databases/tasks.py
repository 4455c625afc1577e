"""Celery tasks of the databases app (queue `realtime`): thin wrappers around one service each.

The import task lives in databases.imports.tasks (queue `batch`); it is imported here so the worker's
autodiscovery registers it.
"""

from celery import shared_task
from django.utils import translation

from .imports.tasks import record_import_task  # noqa: F401
from .screening.tasks import match_sweep_start_task, match_sweep_work_task, screening_job_run_task  # noqa: F401


@shared_task(acks_late=True)
def hit_mail_owner_task(hit_id: int) -> None:
    """Mail the owner NCB of a record about a new hit, in the language its officers use."""
    from .services.notify import hit_mail_owner

    hit_mail_owner(hit_id=hit_id)


@shared_task(acks_late=True)
def record_review_remind_task() -> int:
    """Daily (beat): remind owners of records due for review within RECORD_REVIEW_REMINDER_DAYS."""
    from .services.reviews import record_review_remind

    with translation.override("en"):
        return record_review_remind()


@shared_task(acks_late=True)
def record_match_task(database: str, record_id: int) -> int:
    """Match a new or changed record against the other NCBs' records (idempotent: no duplicate hit)."""
    from .services.matching import record_match

    with translation.override("en"):
        return record_match(database=database, record_id=record_id)
