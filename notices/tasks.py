"""Celery tasks of the notices app (queue `default`): thin wrappers that take ids and call one service."""

from celery import shared_task

from . import attention, selectors, services


@shared_task(name="notices.tasks.notice_screen_task")
def notice_screen_task(notice_id: int) -> str:
    """Screen a published notice's subject through the matching engine (pending until the engine exists)."""
    return services.notice_screen(notice_id=notice_id)


@shared_task(name="notices.tasks.notice_screen_pending_task")
def notice_screen_pending_task() -> int:
    """Queue again the notices whose screening waits for the matching engine."""
    pending = selectors.notices_awaiting_screening()
    for notice_id in pending:
        notice_screen_task.delay(notice_id)
    return len(pending)


@shared_task(name="notices.tasks.notice_attention_task")
def notice_attention_task(notice_id: int, reason: str, hit_ids: list[int]) -> bool:
    """Hand a published notice to the CCC (screening hits, Orange Notices) through the configured handler."""
    return attention.attention_notify(notice_id=notice_id, reason=reason, hit_ids=hit_ids)


@shared_task(name="notices.tasks.notice_expire_due_task")
def notice_expire_due_task() -> int:
    """Expire published notices past their validity (celery beat, hourly)."""
    return services.notices_expire_due()


@shared_task(name="notices.tasks.notice_remind_expiring_task")
def notice_remind_expiring_task() -> int:
    """Remind requesting NCBs of notices entering the last months of their validity (celery beat, daily)."""
    return services.notices_remind_expiring()
