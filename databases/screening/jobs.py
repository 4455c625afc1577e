"""Batch screening of a passenger list: every row against persons and travel documents, by a worker.

The rows are stored with the job; the worker screens those not yet done in chunks of SCREENING_JOB_CHUNK_ROWS,
writing each chunk's results, hits and progress in one transaction. A worker killed mid-chunk leaves the
chunk undone: the task is queued again (leases.batch_work_recover) and redoes it, and the hits it records
again already exist (one per unit, query and record). Cancelling stops the job between two chunks.
"""

import csv
import io
from collections.abc import Iterable
from itertools import islice

from django.conf import settings
from django.db import transaction
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.translation import gettext, ngettext

from ncb.models import Unit, User
from ncb.services import audit_record

from ..models import ScreeningJob, ScreeningRow
from ..models.matching import JobStatus
from ..services.checks import check
from ..services.screening import ScreeningInputError, person_screen_query, screening_query
from .leases import SCREENING_JOB, work_lease

COLUMNS = ("family_name", "given_names", "date_of_birth", "sex", "nationality", "document_number", "document_country")
# Other spellings of the columns that airlines' passenger lists use.
ALIASES = {
    "surname": "family_name",
    "last_name": "family_name",
    "given_name": "given_names",
    "first_name": "given_names",
    "first_names": "given_names",
    "dob": "date_of_birth",
    "birth_date": "date_of_birth",
    "gender": "sex",
    "passport_number": "document_number",
    "document": "document_number",
    "issuing_country": "document_country",
}


class ScreeningListError(ValueError):
    """A passenger list that cannot be read (not CSV, no family_name column, too many rows)."""


def _column(name: str) -> str:
    name = name.strip().lower().replace(" ", "_").replace("-", "_")
    return ALIASES.get(name, name)


def passengers_from_csv(content: bytes | str) -> list[dict]:
    """Rows of a CSV passenger list (header row of column names, UTF-8, ',' or ';' separated)."""
    if isinstance(content, bytes):
        try:
            content = content.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise ScreeningListError(gettext("The file is not UTF-8 text.")) from error
    try:
        dialect = csv.Sniffer().sniff(content[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(content), dialect)
    try:
        header = [_column(name) for name in next(reader, [])]
        if "family_name" not in header:
            raise ScreeningListError(gettext("The first row must name the columns, family_name among them."))
        # One row more than allowed is enough to refuse the list: a huge file is not read to its end.
        rows = islice((row for row in reader if row), settings.SCREENING_JOB_MAX_ROWS + 1)
        return [{name: value for name, value in zip(header, row, strict=False) if name in COLUMNS} for row in rows]
    except csv.Error as error:  # a field longer than the csv module's limit, a NUL byte
        raise ScreeningListError(str(error)) from error


def passengers_from_upload(upload) -> list[dict]:
    """Rows of an uploaded CSV passenger list; a file larger than an import may be is refused unread."""
    if upload.size > settings.IMPORT_MAX_BYTES:
        limit = filesizeformat(settings.IMPORT_MAX_BYTES)
        raise ScreeningListError(gettext("{name} is larger than {limit}.").format(name=upload.name, limit=limit))
    return passengers_from_csv(upload.read())


def passengers_from_list(items) -> list[dict]:
    """Rows of a JSON list of objects; ScreeningListError for anything else."""
    if not isinstance(items, list) or not all(isinstance(item, dict) for item in items):
        raise ScreeningListError(gettext("Send a list of objects."))
    return [{name: item.get(name) for name in COLUMNS if item.get(name) not in (None, "")} for item in items]


@transaction.atomic
def screening_job_create(
    *, owner: Unit, actor: User, passengers: list[dict], name: str = "", threshold: float | None = None, request=None
) -> ScreeningJob:
    """Store a passenger list and queue its screening on the `batch` queue."""
    from .tasks import screening_job_run_task

    if not passengers:
        raise ScreeningListError(gettext("The list is empty."))
    if len(passengers) > settings.SCREENING_JOB_MAX_ROWS:
        raise ScreeningListError(
            ngettext("At most {max} row.", "At most {max} rows.", settings.SCREENING_JOB_MAX_ROWS).format(
                max=settings.SCREENING_JOB_MAX_ROWS
            )
        )
    job = ScreeningJob(
        owner=owner,
        created_by=actor,
        name=name[:200],
        threshold=settings.MATCH_PERSON_THRESHOLD if threshold is None else threshold,
        total=len(passengers),
    )
    job.full_clean()
    job.save()
    ScreeningRow.objects.bulk_create(
        [ScreeningRow(job=job, line=index, data=row) for index, row in enumerate(passengers, start=1)], batch_size=2000
    )
    audit_record(actor=actor, action="screening.job.create", target=job, outcome=f"{job.total} rows", request=request)
    job_id = job.pk
    transaction.on_commit(lambda: screening_job_run_task.delay(job_id))
    return job


@transaction.atomic
def screening_job_cancel(*, job: ScreeningJob, actor: User, request=None) -> ScreeningJob:
    """Stop a waiting or running job; rows already screened keep their results."""
    job = ScreeningJob.objects.select_for_update().get(pk=job.pk)
    if job.is_active:
        job.status, job.finished_at = JobStatus.CANCELLED, timezone.now()
        job.save(update_fields=["status", "finished_at"])
        audit_record(actor=actor, action="screening.job.cancel", target=job, request=request)
    return job


def _screen_row(job: ScreeningJob, row: ScreeningRow) -> None:
    data = row.data
    candidates: list[dict] = []
    try:
        if data.get("family_name"):
            query = screening_query(
                family_name=data.get("family_name"),
                given_names=data.get("given_names"),
                date_of_birth=data.get("date_of_birth"),
                sex=data.get("sex"),
                nationality=data.get("nationality"),
            )
            found = person_screen_query(
                query=query, viewer=job.created_by, unit=job.owner, threshold=job.threshold, action="screening.job"
            )
            candidates.extend(candidate.as_dict() for candidate in found)
        if data.get("document_number") and job.created_by is not None:
            result = check(
                check_type="travel-document",
                data={"number": data["document_number"], "country": data.get("document_country", "")},
                user=job.created_by,
            )
            if result.error:
                raise ScreeningInputError(result.error["field"], result.error["message"])
            candidates.extend(_document_candidate(match) for match in result.matches)
        if not data.get("family_name") and not data.get("document_number"):
            raise ScreeningInputError("family_name", gettext("Give a family name or a document number."))
    except ScreeningInputError as error:
        row.error = f"{error.field}: {error.message}"[:300]
    row.candidates, row.done = candidates, True


def _document_candidate(match: dict) -> dict:
    summary = " · ".join(str(match.get(name) or "") for name in ("issuing_country", "number_normalized", "status"))
    return {
        "id": match["id"],
        "reference": match["reference"],
        "database": match["database"],
        "score": match["score"],
        "reasons": [match["reason"]],
        "summary": summary,
        "hit_id": match.get("hit_id"),
    }


def screening_job_run(*, job_id: int) -> ScreeningJob | None:
    """Screen the rows of a job not done yet, chunk by chunk; resumable, and stopped by a cancel.

    The lease tells batch_work_recover that a live worker has the job (see leases.py).
    """
    with work_lease(SCREENING_JOB, job_id):
        return _run(job_id)


def _run(job_id: int) -> ScreeningJob | None:
    job = ScreeningJob.objects.select_related("owner__country", "created_by__unit").filter(pk=job_id).first()
    if job is None or not job.is_active:
        return job
    if job.status == JobStatus.PENDING:
        job.status = JobStatus.RUNNING
        job.save(update_fields=["status"])
    while True:
        with transaction.atomic():
            current = ScreeningJob.objects.select_for_update().get(pk=job.pk)
            if current.status != JobStatus.RUNNING:
                return current
            rows = list(job.rows.filter(done=False).order_by("line")[: settings.SCREENING_JOB_CHUNK_ROWS])
            for row in rows:
                _screen_row(job, row)
            ScreeningRow.objects.bulk_update(rows, ["candidates", "done", "error"])
            _progress(current, finished=not rows)
            if not rows:
                audit_record(
                    actor=job.created_by, action="screening.job.done", target=current, outcome=f"{current.matched}"
                )
                return current


def _progress(job: ScreeningJob, *, finished: bool) -> None:
    done = job.rows.filter(done=True)
    job.processed = done.count()
    job.matched = done.exclude(candidates=[]).count()
    fields = ["processed", "matched"]
    if finished:
        job.status, job.finished_at = JobStatus.DONE, timezone.now()
        fields += ["status", "finished_at"]
    job.save(update_fields=fields)


def screening_job_csv(*, job: ScreeningJob, rows: Iterable[ScreeningRow]) -> Iterable[str]:
    """The results as CSV lines: the passenger's columns, then each candidate (database, reference, score)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)

    def flush() -> str:
        value = buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
        return value

    writer.writerow(["line", *COLUMNS, "error", "candidates", "best_score", "matches"])
    yield flush()
    for row in rows:
        matches = "; ".join(f"{c['database']}:{c['reference']} ({c['score']:.2f})" for c in row.candidates)
        best = max((c["score"] for c in row.candidates), default="")
        writer.writerow(
            [row.line, *(row.data.get(name, "") for name in COLUMNS), row.error, len(row.candidates), best, matches]
        )
        yield flush()
