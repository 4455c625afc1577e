"""Import jobs of the upload page: created by an officer, run by a worker, polled by the progress bar."""

import csv

from django.conf import settings
from django.db import transaction
from django.template.defaultfilters import filesizeformat
from django.utils import timezone, translation
from django.utils.translation import gettext

from ncb.models import Unit, User
from ncb.services import audit_record

from ..choices import ImportStatus
from ..models import ImportJob
from .readers import ImportFileError, count_rows, file_kind, text_check
from .services import ImportReport, records_import


@transaction.atomic
def import_job_create(*, database: str, owner: Unit, upload, actor: User) -> ImportJob:
    """Store the uploaded file and queue its import once the job is committed."""
    from .tasks import record_import_task

    file_kind(upload.name)  # ImportFileError for a file that is neither CSV nor JSON Lines
    if upload.size > settings.IMPORT_MAX_BYTES:
        limit = filesizeformat(settings.IMPORT_MAX_BYTES)
        raise ImportFileError(gettext("{name} is larger than {limit}.").format(name=upload.name, limit=limit))
    text_check(upload, upload.name)
    job = ImportJob(database=database, owner=owner, file_name=upload.name[:200], created_by=actor)
    job.file.save(upload.name[-100:], upload, save=False)
    job.full_clean()
    job.save()
    audit_record(actor=actor, action=f"{database}.import_start", target=job, query={"file": job.file_name})
    transaction.on_commit(lambda: record_import_task.delay(job.pk))
    return job


def _progress(job: ImportJob, report: ImportReport) -> None:
    job.processed, job.imported, job.updated, job.rejected = (
        report.processed,
        report.imported,
        report.updated,
        report.rejected,
    )
    job.errors = report.errors
    job.save(update_fields=["processed", "imported", "updated", "rejected", "errors"])


def import_job_run(*, job_id: int) -> str:
    """Run an import job; idempotent (a job that already finished is left alone, a re-run changes nothing)."""
    job = ImportJob.objects.select_related("owner", "created_by").get(pk=job_id)
    if job.status in (ImportStatus.DONE, ImportStatus.FAILED):
        return job.status
    language = job.created_by.preferred_language if job.created_by else "en"
    with translation.override(language), job.file.open("rb") as stream:
        try:
            kind = file_kind(job.file_name)
            job.total, job.status = count_rows(stream, kind), ImportStatus.RUNNING
            job.save(update_fields=["total", "status"])
            report = records_import(
                database=job.database,
                owner=job.owner,
                stream=stream,
                kind=kind,
                actor=job.created_by,
                file_name=job.file_name,
                progress=lambda r: _progress(job, r),
            )
        except (ImportFileError, csv.Error) as error:  # csv.Error: a field longer than the csv module's limit
            job.status, job.failure, job.finished_at = ImportStatus.FAILED, str(error)[:300], timezone.now()
            job.save(update_fields=["status", "failure", "finished_at"])
            return job.status
    _progress(job, report)
    job.status, job.finished_at = ImportStatus.DONE, timezone.now()
    job.save(update_fields=["status", "finished_at"])
    return job.status
