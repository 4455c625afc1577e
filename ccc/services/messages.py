"""Messages between the CCC and the NCBs concerned by a case, with their attachments and notifications."""

from collections.abc import Sequence
from datetime import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop, ngettext

from ncb.models import User
from ncb.roles import CCC_ROLES, has_role
from ncb.services import audit_record, notification_send

from ..attachments import attachment_check, safe_file_name
from ..choices import CaseStatus
from ..models import Attachment, Case, Message, Thread
from .errors import CaseActionError


def _check_files(files: Sequence[UploadedFile]) -> list[tuple[UploadedFile, str]]:
    if len(files) > settings.CCC_ATTACHMENT_MAX_COUNT:
        raise ValidationError(
            ngettext(
                "Attach at most {count} file to a message.",
                "Attach at most {count} files to a message.",
                settings.CCC_ATTACHMENT_MAX_COUNT,
            ).format(count=settings.CCC_ATTACHMENT_MAX_COUNT)
        )
    return [(upload, attachment_check(upload)) for upload in files]


def _check_sender(thread: Thread, author: User, from_ccc: bool) -> None:
    if from_ccc and not has_role(author, *CCC_ROLES):
        raise CaseActionError(_("Only CCC staff can write in the CCC's name."))
    if not from_ccc and author.unit_id != thread.ncb_id:
        raise CaseActionError(_("Only the NCB of this thread can answer in it."))


def _next_status(case: Case, *, from_ccc: bool, awaiting_reply: bool) -> str:
    if from_ccc and awaiting_reply and case.status == CaseStatus.CLAIMED:
        return CaseStatus.WAITING_FOR_NCB
    if not from_ccc and case.status == CaseStatus.WAITING_FOR_NCB:
        # The NCB answered: the case is back with the officer who holds it, or back in the queue.
        return CaseStatus.CLAIMED if case.claimed_by_id else CaseStatus.NEW
    return case.status


@transaction.atomic
def message_send(
    *,
    thread: Thread,
    author: User,
    body: str,
    language: str,
    from_ccc: bool,
    files: Sequence[UploadedFile] = (),
    awaiting_reply: bool = False,
    now: datetime | None = None,
) -> Message:
    """Send a message in a case's thread, from the CCC or from the thread's NCB, and notify the other side.

    The CCC's first message on a case is its first reply, measured against the case's deadline.
    """
    _check_sender(thread, author, from_ccc)
    checked = _check_files(files)
    now = now or timezone.now()
    case = Case.objects.select_for_update().get(pk=thread.case_id)
    if case.status == CaseStatus.CLOSED:
        raise CaseActionError(_("This case is closed."))
    message = Message(
        thread=thread, author=author, from_ccc=from_ccc, body=body.strip(), language=language, created_at=now
    )
    message.full_clean()
    message.save()
    for upload, content_type in checked:
        name = safe_file_name(upload.name or "")
        upload.name = name
        Attachment.objects.create(
            message=message, file=upload, name=name, content_type=content_type, size=upload.size or 0
        )
    thread.last_message_at = now
    thread.save(update_fields=["last_message_at"])
    changed = ["status", "updated_at"]
    if from_ccc and case.first_reply_at is None:
        case.first_reply_at = now
        changed.append("first_reply_at")
    case.status = _next_status(case, from_ccc=from_ccc, awaiting_reply=awaiting_reply)
    case.save(update_fields=changed)
    audit_record(
        actor=author,
        action="ccc.message.send",
        target=case,
        query={"thread": thread.pk, "ncb": thread.ncb_id, "attachments": len(checked)},
    )
    _notify(case=case, thread=thread, message=message)
    return message


def _notify(*, case: Case, thread: Thread, message: Message) -> None:
    from ..tasks import message_mail_task

    params = {"reference": case.reference}
    if message.from_ccc:
        notification_send(
            unit=thread.ncb,
            kind="ccc_message",
            params=params,
            url=reverse("ccc:ncb_case_detail", args=[case.pk]),
            message=gettext_noop("New message from the CCC on case {reference}."),
        )
    else:
        url = reverse("ccc:case_detail", args=[case.pk])
        text = gettext_noop("New message from {ncb} on case {reference}.")
        country = thread.ncb.country
        params["ncb"] = country.iso2.upper() if country is not None else thread.ncb.code
        if case.claimed_by_id:
            notification_send(user=case.claimed_by, kind="ccc_message", message=text, params=params, url=url)
        else:
            notification_send(unit=case.site, kind="ccc_message", message=text, params=params, url=url)
    transaction.on_commit(lambda: message_mail_task.delay(message.pk))
