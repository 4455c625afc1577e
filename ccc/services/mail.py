"""Mail about cases, each in its recipient's language. Mail never carries case contents: only a pointer."""

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from ncb.models import User
from ncb.roles import NCB_ROLES

from ..models import Case, Message
from ..selectors import ccc_supervisors


def _send(*, users, template: str, context: dict, url_name: str, case: Case) -> int:
    sent = 0
    for user in users:
        if not user.email:
            continue
        # Each recipient reads the mail in their own language, whoever triggered it.
        with translation.override(user.preferred_language):
            link = settings.CCC_MAIL_BASE_URL.rstrip("/") + reverse(url_name, args=[case.pk])
            subject = render_to_string(f"ccc/mail/{template}_subject.txt", {**context, "user": user}).strip()
            body = render_to_string(f"ccc/mail/{template}_body.txt", {**context, "user": user, "link": link})
        send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [user.email])
        sent += 1
    return sent


def message_mail_send(*, message_id: int) -> int:
    """Mail the other side of a thread about a new message; returns the number of mails sent."""
    message = Message.objects.select_related("thread__case__claimed_by", "thread__ncb").filter(pk=message_id).first()
    if message is None:
        return 0
    case = message.thread.case
    if message.from_ccc:
        users = User.objects.filter(
            unit_id=message.thread.ncb_id, is_active=True, groups__name__in=NCB_ROLES
        ).distinct()
        url_name = "ccc:ncb_case_detail"
    else:
        claimant = case.claimed_by_id
        users = User.objects.filter(pk=claimant, is_active=True) if claimant else User.objects.none()
        url_name = "ccc:case_detail"
    context = {"case": case, "reference": case.reference, "ncb": message.thread.ncb}
    return _send(users=users, template="message", context=context, url_name=url_name, case=case)


def escalation_mail_send(*, case_id: int) -> int:
    """Mail the CCC supervisors about a case close to its first-reply deadline."""
    case = Case.objects.filter(pk=case_id).first()
    if case is None:
        return 0
    context = {"case": case, "reference": case.reference}
    return _send(users=ccc_supervisors(), template="escalation", context=context, url_name="ccc:case_detail", case=case)
