"""Reads of screening jobs: a unit sees only its own NCB's jobs."""

from django.db.models import QuerySet

from ncb.models import User

from ..models import ScreeningJob, ScreeningRow


def screening_jobs_for_unit(*, viewer: User) -> QuerySet[ScreeningJob]:
    """The viewer's NCB's screening jobs, newest first."""
    if viewer.unit_id is None:
        return ScreeningJob.objects.none()
    return ScreeningJob.objects.filter(owner_id=viewer.unit_id).select_related("created_by").order_by("-created_at")


def screening_job_rows(*, job: ScreeningJob, matched_only: bool = False) -> QuerySet[ScreeningRow]:
    """The rows of a job in list order (optionally only those with candidates)."""
    rows = job.rows.order_by("line")
    return rows.exclude(candidates=[]) if matched_only else rows
