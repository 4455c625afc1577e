"""Which batch work a live worker holds, told by PostgreSQL advisory locks; and the recovery of the rest.

A task running a screening job or taking chunks of a sweep holds a shared advisory lock on it for as long as it
runs. The lock belongs to the task's database session, so a worker that dies (SIGKILL, out of memory, machine
lost) drops it at once, while its unacknowledged message waits in Redis for the broker's visibility timeout
(40 minutes, longer than any task may run). `batch_work_recover` finds running work whose lock nobody holds and
queues it again: when a worker starts, and every few minutes from beat. The work itself is resumable and
idempotent (rows and chunks are marked done in the transaction that writes their results; hits are unique), so a
second delivery of the old message later only finds nothing left to do.
"""

import datetime as dt
import logging
from collections.abc import Iterator
from contextlib import contextmanager

from django.conf import settings
from django.db import DatabaseError, connection, transaction
from django.utils import timezone

from ..models import MatchSweep, ScreeningJob
from ..models.matching import JobStatus

logger = logging.getLogger(__name__)

# First key of the two-key advisory locks: one namespace per kind of work.
SCREENING_JOB = 7301
MATCH_SWEEP = 7302


@contextmanager
def work_lease(kind: int, pk: int) -> Iterator[None]:
    """Hold a shared lease on a job or sweep while a task works on it (a no-op without PostgreSQL)."""
    if connection.vendor != "postgresql":
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_lock_shared(%s, %s)", [kind, pk])
    try:
        yield
    finally:
        try:
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_unlock_shared(%s, %s)", [kind, pk])
        except DatabaseError:  # the connection is gone, and the lock with it
            logger.warning("lease %s:%s: the database connection was lost before the release", kind, pk)


def _try_exclusive(kind: int, pk: int) -> bool:
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_try_advisory_lock(%s, %s)", [kind, pk])
        return bool(cursor.fetchone()[0])


def _release_exclusive(kind: int, pk: int) -> None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_unlock(%s, %s)", [kind, pk])


def orphaned_jobs() -> list[int]:
    """Running jobs that no task holds, and jobs waiting longer than SCREENING_JOB_REQUEUE_MINUTES (lost message)."""
    waited = timezone.now() - dt.timedelta(minutes=settings.SCREENING_JOB_REQUEUE_MINUTES)
    candidates = ScreeningJob.objects.filter(status=JobStatus.RUNNING) | ScreeningJob.objects.filter(
        status=JobStatus.PENDING, created_at__lt=waited
    )
    orphans = []
    for pk in candidates.order_by("pk").values_list("pk", flat=True):
        if _try_exclusive(SCREENING_JOB, pk):
            _release_exclusive(SCREENING_JOB, pk)
            orphans.append(pk)
    return orphans


def orphaned_sweeps() -> list[int]:
    """Running sweeps that no task works on: their chunks left running are handed back (pending) on the way."""
    orphans = []
    for pk in MatchSweep.objects.filter(status=JobStatus.RUNNING).order_by("pk").values_list("pk", flat=True):
        if not _try_exclusive(MATCH_SWEEP, pk):
            continue
        try:
            # While this exclusive lock is held no task can start on the sweep, so no chunk marked running is live.
            with transaction.atomic():
                sweep = MatchSweep.objects.get(pk=pk)
                started = sweep.chunks.exclude(status=JobStatus.PENDING).exists()
                waited = timezone.now() - dt.timedelta(minutes=settings.SCREENING_JOB_REQUEUE_MINUTES)
                recent = sweep.started_at > waited
                if not started and recent:
                    continue  # its workers are still queued
                if sweep.handed_over_at and sweep.handed_over_at > waited:
                    continue  # a task ended its turn and the next one is queued
                sweep.chunks.filter(status=JobStatus.RUNNING).update(status=JobStatus.PENDING, claimed_at=None)
            orphans.append(pk)
        finally:
            _release_exclusive(MATCH_SWEEP, pk)
    return orphans


def batch_work_recover() -> dict[str, list[int]]:
    """Queue again the screening jobs and sweeps whose workers died; return their ids."""
    from .tasks import match_sweep_work_task, screening_job_run_task

    if connection.vendor != "postgresql":
        return {"jobs": [], "sweeps": []}
    jobs, sweeps = orphaned_jobs(), orphaned_sweeps()
    for job_id in jobs:
        screening_job_run_task.delay(job_id)
    for sweep_id in sweeps:
        for _worker in range(settings.MATCH_SWEEP_WORKERS):
            match_sweep_work_task.delay(sweep_id)
    if jobs or sweeps:
        logger.warning("batch work left by a dead worker queued again: jobs %s, sweeps %s", jobs, sweeps)
    return {"jobs": jobs, "sweeps": sweeps}
