"""Celery tasks of the CCC: thin, idempotent wrappers around services (queue `default`, by module)."""

from celery import shared_task

from . import services


@shared_task
def cases_hand_over_due_task() -> int:
    """Beat, every few minutes: hand over the open cases of each site whose shift has just ended."""
    return len(services.cases_hand_over_due())


@shared_task
def cases_escalate_due_task() -> int:
    """Beat, every few minutes: flag cases close to their first-reply deadline to the supervisors."""
    return services.cases_escalate_due()


@shared_task
def message_mail_task(message_id: int) -> int:
    """Mail the other side of a thread about a new message, each recipient in their language."""
    return services.message_mail_send(message_id=message_id)


@shared_task
def escalation_mail_task(case_id: int) -> int:
    """Mail the supervisors about an escalated case, each in their language."""
    return services.escalation_mail_send(case_id=case_id)
