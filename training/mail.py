"""Enrolment mail, written in the recipient's language."""

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext

from ncb.models import User


def training_mail_send(*, user: User, message: str, params: dict, url: str) -> bool:
    """Render and send the mail for one notification; `message` is the English message id."""
    if not user.email:
        return False
    with translation.override(user.preferred_language):
        try:
            text = gettext(message).format(**params)
        except (KeyError, IndexError, ValueError):
            text = gettext(message)
        subject = gettext("Training: {course}").format(course=params.get("course", ""))
        body = render_to_string(
            "training/email/notice.txt",
            {
                "user": user,
                "text": text,
                "link": settings.TRAINING_PORTAL_URL.rstrip("/") + url,
            },
        )
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [user.email])
    return True
