"""Celery tasks of the training app (queue "default"): thin wrappers that take ids and call one service."""

import smtplib

from celery import shared_task

from ncb.models import User


@shared_task(acks_late=True, autoretry_for=(smtplib.SMTPException, ConnectionError), retry_backoff=True, max_retries=5)
def training_mail_send_task(user_id: int, message: str, params: dict, url: str) -> bool:
    """Send one enrolment mail in the recipient's language; a deleted or deactivated user gets nothing."""
    from .mail import training_mail_send

    user = User.objects.filter(pk=user_id, is_active=True).first()
    if user is None:
        return False
    return training_mail_send(user=user, message=message, params=params, url=url)
