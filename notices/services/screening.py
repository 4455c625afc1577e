"""Screening a published notice's subject against the global databases (the matching engine's job)."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_noop

from ncb.services import audit_record, notification_send

from .. import screening
from ..attention import SCREENING_HITS
from ..choices import NoticeStatus, ScreeningStatus
from ..models import Notice, NoticeHit
from .workflow import notice_url


@transaction.atomic
def notice_screen(*, notice_id: int) -> str:
    """Screen the subject once; idempotent (a hit is stored once per record), returns the screening status."""
    from ..tasks import notice_attention_task

    notice = (
        Notice.objects.select_for_update(of=("self",))
        .select_related("owner", "created_by")
        .filter(pk=notice_id, status=NoticeStatus.PUBLISHED)
        .first()
    )
    if notice is None:
        return ScreeningStatus.NOT_SCREENED
    if not (notice.family_name or notice.given_names):
        return _status_set(notice, ScreeningStatus.NOT_APPLICABLE, "no person named")
    function = screening.screening_function()
    if function is None:
        return _status_set(notice, ScreeningStatus.PENDING, "pending: the matching engine is not available yet")
    new_hits: list[NoticeHit] = []
    for candidate in screening.screen_subject(notice, function):
        if candidate.database == "persons" and candidate.record_id == str(notice.subject_record_id):
            continue  # The subject's own record is not a hit.
        hit, created = NoticeHit.objects.get_or_create(
            notice=notice,
            database=candidate.database,
            record_id=candidate.record_id,
            defaults={
                "score": candidate.score,
                "reasons": candidate.reasons,
                "summary": candidate.summary,
                "database_hit_id": candidate.hit_id,
            },
        )
        if created:
            new_hits.append(hit)
    _status_set(notice, ScreeningStatus.SCREENED, f"{len(new_hits)} new hit(s)")
    if new_hits:
        notification_send(
            unit=notice.owner,
            kind="notice_hits",
            url=notice_url(notice),
            params={"reference": notice.reference, "count": len(new_hits)},
            message=gettext_noop("Possible matches in the databases found by screening notice {reference}: {count}."),
        )
        # The CCC works from the hits the databases app recorded; ours only list them on the notice's page.
        hit_ids = [hit.database_hit_id for hit in new_hits if hit.database_hit_id]
        transaction.on_commit(lambda: notice_attention_task.delay(notice_id, SCREENING_HITS, hit_ids))
    return ScreeningStatus.SCREENED


def _status_set(notice: Notice, status: str, outcome: str) -> str:
    notice.screening_status = status
    notice.screened_at = timezone.now() if status == ScreeningStatus.SCREENED else notice.screened_at
    notice.save(update_fields=["screening_status", "screened_at"])
    audit_record(actor=None, action="notice.screen", target=notice, unit=notice.owner, outcome=outcome)
    return status
