"""Telling people about enrolments: an in-app notification and an e-mail, each in the recipient's language.

Parameters are rendered per recipient under their language (course titles are translated content, dates are
localized), and the message id is translated again when the notification is shown or the mail is written.
"""

from collections.abc import Iterable
from functools import partial

from django.db import transaction
from django.urls import reverse
from django.utils import translation
from django.utils.formats import date_format

from ncb.models import User
from ncb.roles import Role
from ncb.services import notification_send

from .models import Enrolment, Session


def session_dates(session: Session) -> str:
    """'12 May 2026' or '12 May 2026 – 16 May 2026', in the active language."""
    first = date_format(session.starts_on, "DATE_FORMAT")
    if session.ends_on == session.starts_on:
        return first
    return f"{first} – {date_format(session.ends_on, 'DATE_FORMAT')}"


def coordinators() -> list[User]:
    return list(User.objects.filter(is_active=True, groups__name=Role.TRAINING_COORDINATOR).distinct())


def heads_of(ncb_id: int) -> list[User]:
    return list(User.objects.filter(is_active=True, unit_id=ncb_id, groups__name=Role.NCB_HEAD).distinct())


def tell(
    *,
    recipients: Iterable[User | None],
    kind: str,
    message: str,
    session: Session,
    enrolment: Enrolment | None = None,
    url_name: str = "training_my_enrolments",
    url_args: tuple = (),
    extra: dict | None = None,
) -> None:
    """Notify each recipient once, and queue their mail for after the commit."""
    from .tasks import training_mail_send_task

    seen: set[int] = set()
    for user in recipients:
        if user is None or user.pk in seen:
            continue
        seen.add(user.pk)
        with translation.override(user.preferred_language):
            params = {"course": session.course.title, "dates": session_dates(session), **(extra or {})}
            if enrolment is not None:
                params["participant"] = enrolment.participant.get_full_name() or enrolment.participant.username
                params["ncb"] = enrolment.ncb.name
            url = reverse(url_name, args=url_args)
        notification_send(user=user, kind=kind, message=message, params=params, url=url)
        if user.email:
            transaction.on_commit(partial(training_mail_send_task.delay, user.pk, message, params, url))
