"""Celery task of the upload page (queue `batch`): run one ImportJob."""

from celery import shared_task


@shared_task(acks_late=True)
def record_import_task(job_id: int) -> str:
    """Import the file of an ImportJob, saving progress as it goes; a finished job is not run again."""
    from .jobs import import_job_run

    return import_job_run(job_id=job_id)
