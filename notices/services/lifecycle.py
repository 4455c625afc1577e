"""Validity of published notices: the reminder before expiry, extension with reasons, expiry."""

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_noop

from ncb.services import audit_record, notification_send

from .. import permissions
from ..choices import NoticeAction, NoticeStatus
from ..dates import add_months, add_years
from ..models import Notice
from .extracts import public_extract_remove
from .workflow import notice_locked, notice_transition, notice_url, require, require_reasons

BATCH = 200


@transaction.atomic
def notice_extend(*, notice: Notice, actor, reasons: str, request=None) -> Notice:
    """Keep a notice published for another validity period, from its current expiry, for the reasons given."""
    notice = notice_locked(notice)
    require(permissions.may_extend(actor, notice))
    reasons = require_reasons(reasons)
    assert notice.expires_at is not None  # may_extend: only published notices, which always have an expiry
    return notice_transition(
        notice,
        actor=actor,
        action=NoticeAction.EXTEND,
        status=NoticeStatus.PUBLISHED,
        reasons=reasons,
        request=request,
        fields={"expires_at": add_years(notice.expires_at, settings.NOTICE_VALIDITY_YEARS), "reminder_sent_at": None},
    )


def notices_expire_due(*, now=None) -> int:
    """Expire every published notice past its validity; each in its own transaction, so one failure stops none."""
    now = now or timezone.now()
    due = Notice.objects.filter(status=NoticeStatus.PUBLISHED, expires_at__lte=now).values_list("pk", flat=True)
    count = 0
    for pk in list(due[:10_000]):
        count += _expire_one(pk, now)
    return count


@transaction.atomic
def _expire_one(pk: int, now) -> int:
    notice = notice_locked(Notice(pk=pk))
    # Extended or cancelled since the list was read: leave it.
    if notice.status != NoticeStatus.PUBLISHED or notice.expires_at > now:
        return 0
    public_extract_remove(notice)
    notice_transition(
        notice, actor=None, action=NoticeAction.EXPIRE, status=NoticeStatus.EXPIRED, fields={"closed_at": now}
    )
    notification_send(
        unit=notice.owner,
        kind="notice_expired",
        url=notice_url(notice),
        params={"reference": notice.reference},
        message=gettext_noop("Notice {reference} has expired and is no longer published."),
    )
    return 1


def notices_remind_expiring(*, now=None) -> int:
    """Remind requesting NCBs, once per validity period, of notices expiring within the reminder window."""
    now = now or timezone.now()
    horizon = add_months(now, settings.NOTICE_EXPIRY_REMINDER_MONTHS)
    count = 0
    while True:
        with transaction.atomic():
            batch = list(
                Notice.objects.select_for_update(skip_locked=True, of=("self",))
                .filter(
                    status=NoticeStatus.PUBLISHED,
                    reminder_sent_at__isnull=True,
                    expires_at__gt=now,
                    expires_at__lte=horizon,
                )
                .select_related("owner")[:BATCH]
            )
            for notice in batch:
                expires = notice.expires_at.date() if notice.expires_at else None
                notification_send(
                    unit=notice.owner,
                    kind="notice_expiring",
                    url=notice_url(notice),
                    params={"reference": notice.reference, "date": str(expires)},
                    message=gettext_noop(
                        "Notice {reference} expires on {date}. If it is still needed, extend it with reasons."
                    ),
                )
                audit_record(
                    actor=None,
                    action="notice.remind",
                    target=notice,
                    unit=notice.owner,
                    outcome=str(expires),
                )
            Notice.objects.filter(pk__in=[notice.pk for notice in batch]).update(reminder_sent_at=now)
        count += len(batch)
        if len(batch) < BATCH:
            return count
