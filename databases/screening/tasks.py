"""Celery tasks of batch screening and nightly sweeps (queue `batch`): thin wrappers taking ids."""

from celery import shared_task
from celery.signals import worker_ready
from django.conf import settings
from django.db import transaction
from django.utils import translation


@shared_task(acks_late=True)
def screening_job_run_task(job_id: int) -> int | None:
    """Screen a passenger list; a redelivered task resumes at the first row not done."""
    from .jobs import screening_job_run

    with translation.override("en"):
        job = screening_job_run(job_id=job_id)
    return job.processed if job is not None else None


@shared_task(acks_late=True)
def match_sweep_start_task(chunk_size: int | None = None) -> int:
    """Nightly (beat): start a sweep of all persons and queue MATCH_SWEEP_WORKERS tasks to share its chunks."""
    from .sweep import match_sweep_start

    with transaction.atomic():
        sweep = match_sweep_start(chunk_size=chunk_size)
        sweep_id = sweep.pk
        for _worker in range(settings.MATCH_SWEEP_WORKERS):
            transaction.on_commit(lambda: match_sweep_work_task.delay(sweep_id))
    return sweep_id


@shared_task(acks_late=True)
def match_sweep_work_task(sweep_id: int) -> int:
    """Claim and run chunks of a sweep for one turn, then queue the next turn while chunks are left (several of
    these run side by side)."""
    from .sweep import match_sweep_work

    with translation.override("en"):
        turn = match_sweep_work(sweep_id=sweep_id, seconds=settings.MATCH_SWEEP_TURN_SECONDS)
    if turn.go_on:
        match_sweep_work_task.delay(sweep_id)
    return turn.chunks


@shared_task(acks_late=True)
def batch_work_recover_task() -> dict:
    """Every few minutes (beat) and when a worker starts: queue again the jobs and sweeps of workers that died."""
    from .leases import batch_work_recover

    return batch_work_recover()


@worker_ready.connect
def _recover_when_a_worker_starts(sender=None, **kwargs) -> None:
    # A worker starting is often one replacing a worker that died: its work need not wait for the next beat.
    batch_work_recover_task.delay()
