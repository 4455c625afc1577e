"""Writes of the requesting NCB: draft, submit, approve or return, cancel, translate, public consent."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext, gettext_noop

from ncb.services import audit_record, notification_send

from .. import permissions
from ..choices import PUBLIC_TYPES, NoticeAction, NoticeStatus
from ..completeness import completeness_problems
from ..models import Notice, NoticeEvent
from ..subjects import subject_record_resolve
from ..translation import CONTENT_FIELDS
from ..types import spec_for
from .content import content_apply
from .extracts import public_extract_build, public_extract_remove
from .workflow import NoticeIncomplete, notice_locked, notice_transition, notice_url, require, require_reasons


@transaction.atomic
def notice_create(*, actor, notice_type: str, data: dict, request=None) -> Notice:
    """Start a request (a draft) for the actor's NCB with the fields its type allows."""
    require(permissions.may_request(actor))
    spec = spec_for(notice_type)
    notice = Notice(
        notice_type=spec.notice_type,
        owner=actor.unit,
        created_by=actor,
        language=data.get("language") or actor.preferred_language,
    )
    change = content_apply(notice, data, allowed=spec.fields)
    _subject_apply(notice, actor, data)
    notice.full_clean(exclude=["photo"])
    notice.save()
    change.many_to_many_apply(notice)
    NoticeEvent.objects.create(notice=notice, actor=actor, action=NoticeAction.CREATE, status=notice.status)
    audit_record(
        actor=actor, action="notice.create", target=notice, request=request, query={"type": notice.notice_type}
    )
    return notice


@transaction.atomic
def notice_update(*, notice: Notice, actor, data: dict, request=None) -> Notice:
    """Change a draft. Submitted requests are frozen: the head approves what was submitted."""
    notice = notice_locked(notice)
    require(permissions.may_edit(actor, notice))
    change = content_apply(notice, data, allowed=spec_for(notice.notice_type).fields)
    if _subject_apply(notice, actor, data):
        change.fields.add("subject_record")
    notice.full_clean(exclude=["photo"])
    notice.save(update_fields=[*sorted(change.fields), "updated_at"])
    change.many_to_many_apply(notice)
    audit_record(
        actor=actor,
        action="notice.update",
        target=notice,
        request=request,
        query={"fields": sorted(change.fields | set(change.many))},
    )
    return notice


def _subject_apply(notice: Notice, actor, data: dict) -> bool:
    if "subject_record" not in data:
        return False
    notice.subject_record = subject_record_resolve(actor=actor, record_id=data["subject_record"])
    return True


def _check_complete(notice: Notice, *, language: str | None = None) -> None:
    problems = completeness_problems(notice, language=language)
    if problems:
        raise NoticeIncomplete(problems)


def notice_submit(*, notice: Notice, actor, request=None) -> Notice:
    """Submit a draft to the NCB head, once the completeness check passes."""
    with transaction.atomic():
        notice = notice_locked(notice)
        require(permissions.may_submit(actor, notice))
        problems = completeness_problems(notice, language=actor.preferred_language)
        if not problems:
            notice = notice_transition(
                notice,
                actor=actor,
                action=NoticeAction.SUBMIT,
                status=NoticeStatus.SUBMITTED,
                fields={"submitted_at": timezone.now()},
                request=request,
            )
            notification_send(
                unit=notice.owner,
                kind="notice_submitted",
                params={"reference": notice.reference},
                message=gettext_noop("Notice request {reference} awaits the NCB head's approval."),
                url=notice_url(notice),
            )
            return notice
    # The refusal is kept (outside the transaction, which has nothing to undo): it shows how often and why
    # requests fall short.
    audit_record(
        actor=actor,
        action="notice.submit_refused",
        target=notice,
        request=request,
        query={"reasons": problems},
        outcome="refused by the completeness check",
    )
    raise NoticeIncomplete(problems)


@transaction.atomic
def notice_approve(*, notice: Notice, actor, request=None) -> Notice:
    """The NCB head sends the request to the General Secretariat's compliance review."""
    notice = notice_locked(notice)
    require(permissions.may_approve(actor, notice))
    _check_complete(notice, language=actor.preferred_language)
    return notice_transition(
        notice,
        actor=actor,
        action=NoticeAction.APPROVE,
        status=NoticeStatus.UNDER_REVIEW,
        fields={"review_started_at": timezone.now()},
        request=request,
    )


@transaction.atomic
def notice_return(*, notice: Notice, actor, reasons: str, request=None) -> Notice:
    """The NCB head sends a submitted request back to a draft, saying what to change."""
    notice = notice_locked(notice)
    require(permissions.may_approve(actor, notice))
    reasons = require_reasons(reasons)
    notice = notice_transition(
        notice,
        actor=actor,
        action=NoticeAction.RETURN,
        status=NoticeStatus.DRAFT,
        fields={"submitted_at": None},
        reasons=reasons,
        request=request,
    )
    notification_send(
        user=notice.created_by,
        kind="notice_returned",
        params={"reference": notice.reference},
        message=gettext_noop("Your notice request {reference} was returned by the NCB head."),
        url=notice_url(notice),
    )
    return notice


@transaction.atomic
def notice_cancel(*, notice: Notice, actor, reasons: str, request=None) -> Notice:
    """Withdraw a request or a published notice (by the requesting NCB, or by the General Secretariat)."""
    notice = notice_locked(notice)
    require(permissions.may_cancel(actor, notice))
    reasons = require_reasons(reasons)
    public_extract_remove(notice)
    notice = notice_transition(
        notice,
        actor=actor,
        action=NoticeAction.CANCEL,
        status=NoticeStatus.CANCELLED,
        fields={"closed_at": timezone.now()},
        reasons=reasons,
        request=request,
    )
    if not permissions.is_requester(actor, notice):
        notification_send(
            unit=notice.owner,
            kind="notice_cancelled",
            params={"reference": notice.reference},
            message=gettext_noop("Notice {reference} was cancelled by the General Secretariat."),
            url=notice_url(notice),
        )
    return notice


@transaction.atomic
def notice_translation_add(*, notice: Notice, actor, language: str, texts: dict, request=None) -> Notice:
    """Add or correct the translation of the request's free text into another official language."""
    notice = notice_locked(notice)
    require(permissions.may_translate(actor, notice))
    if language == notice.language:
        raise ValidationError({"language": gettext("Change the original text by editing the request instead.")})
    changed = []
    for name in CONTENT_FIELDS:
        if name in texts:
            setattr(notice, f"{name}_{language}", (texts[name] or "").strip())
            changed.append(f"{name}_{language}")
    notice.full_clean(exclude=["photo"])
    notice.save(update_fields=[*changed, "updated_at"])
    NoticeEvent.objects.create(
        notice=notice, actor=actor, action=NoticeAction.TRANSLATE, status=notice.status, reasons=language
    )
    audit_record(
        actor=actor,
        action="notice.translate",
        target=notice,
        request=request,
        query={"language": language, "fields": changed},
    )
    if notice.status == NoticeStatus.PUBLISHED and notice.public_consent:
        public_extract_build(notice)
    return notice


@transaction.atomic
def notice_public_consent_set(*, notice: Notice, actor, consent: bool, request=None) -> Notice:
    """Give or withdraw the NCB's agreement to a public extract; a published notice's extract follows at once."""
    notice = notice_locked(notice)
    require(permissions.may_set_public_consent(actor, notice))
    if notice.notice_type not in PUBLIC_TYPES:
        raise ValidationError(gettext("Only Red, Yellow and UN notices have public extracts."))
    notice.public_consent = consent
    notice.save(update_fields=["public_consent", "updated_at"])
    NoticeEvent.objects.create(
        notice=notice,
        actor=actor,
        action=NoticeAction.PUBLIC_CONSENT,
        status=notice.status,
        reasons="yes" if consent else "no",
    )
    audit_record(
        actor=actor, action="notice.public_consent", target=notice, request=request, query={"consent": consent}
    )
    if notice.status == NoticeStatus.PUBLISHED:
        if consent:
            public_extract_build(notice)
        else:
            public_extract_remove(notice)
    return notice
