"""Writes of the General Secretariat's compliance review: publish or refuse a request."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext, gettext_noop

from ncb.services import notification_send

from .. import permissions
from ..choices import ChecklistItem, NoticeAction, NoticeStatus, NoticeType, ScreeningStatus
from ..dates import add_years
from ..models import ControlNumber, Notice
from .extracts import public_extract_build
from .workflow import NoticeIncomplete, notice_locked, notice_transition, notice_url, require, require_reasons


def checklist_clean(checklist: dict) -> dict:
    """The reviewer's answers to every item of the checklist, as booleans."""
    return {item: bool(checklist.get(item)) for item in ChecklistItem.values}


def control_number_next(year: int) -> str:
    """The next public control number of the year, YYYY/NNNNN, taken under a row lock."""
    ControlNumber.objects.get_or_create(year=year)
    sequence = ControlNumber.objects.select_for_update().get(year=year)
    sequence.last += 1
    sequence.save(update_fields=["last"])
    return f"{year}/{sequence.last:05d}"


@transaction.atomic
def notice_publish(*, notice: Notice, reviewer, checklist: dict, reasons: str = "", request=None) -> Notice:
    """Publish a request that passed every check, then screen its subject against the databases."""
    from ..tasks import notice_attention_task, notice_screen_task

    notice = notice_locked(notice)
    require(permissions.may_review(reviewer, notice))
    checklist = checklist_clean(checklist)
    if not all(checklist.values()):
        raise ValidationError(gettext("Confirm every item of the checklist before publishing, or refuse."))
    problems = _problems(notice, reviewer)
    if problems:
        raise NoticeIncomplete(problems)
    now = timezone.now()
    notice = notice_transition(
        notice,
        actor=reviewer,
        action=NoticeAction.PUBLISH,
        status=NoticeStatus.PUBLISHED,
        reasons=reasons.strip(),
        checklist=checklist,
        request=request,
        fields={
            "decided_at": now,
            "published_at": now,
            "expires_at": add_years(now, settings.NOTICE_VALIDITY_YEARS),
            "entity_id": notice.entity_id or control_number_next(now.year),
            "reminder_sent_at": None,
            "screening_status": ScreeningStatus.NOT_SCREENED,
        },
    )
    public_extract_build(notice)
    notification_send(
        unit=notice.owner,
        kind="notice_published",
        url=notice_url(notice),
        params={"reference": f"REQ-{notice.pk:06d}", "entity_id": notice.entity_id},
        message=gettext_noop("Your request {reference} was published as notice {entity_id}."),
    )
    notice_id = notice.pk
    transaction.on_commit(lambda: notice_screen_task.delay(notice_id))
    if notice.notice_type == NoticeType.ORANGE:
        # A serious and imminent threat: the CCC works it around the clock, whatever screening finds.
        transaction.on_commit(lambda: notice_attention_task.delay(notice_id, "orange_published", []))
    return notice


def _problems(notice: Notice, reviewer) -> list[str]:
    from ..completeness import completeness_problems

    return completeness_problems(notice, language=reviewer.preferred_language)


@transaction.atomic
def notice_refuse(*, notice: Notice, reviewer, checklist: dict, reasons: str, request=None) -> Notice:
    """Refuse a request, with the reasons the requesting NCB reads."""
    notice = notice_locked(notice)
    require(permissions.may_review(reviewer, notice))
    reasons = require_reasons(reasons)
    notice = notice_transition(
        notice,
        actor=reviewer,
        action=NoticeAction.REFUSE,
        status=NoticeStatus.REFUSED,
        reasons=reasons,
        checklist=checklist_clean(checklist),
        request=request,
        fields={"decided_at": timezone.now(), "closed_at": timezone.now()},
    )
    notification_send(
        unit=notice.owner,
        kind="notice_refused",
        url=notice_url(notice),
        params={"reference": notice.reference},
        message=gettext_noop("Your notice request {reference} was refused; the reasons are on its page."),
    )
    return notice
