"""The common step of every workflow transition: lock, check, change, record."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from ncb.services import audit_record

from ..models import Notice, NoticeEvent


class NoticeIncomplete(ValidationError):
    """The completeness check refused the request; `messages` are its reasons, in the requester's language."""


def notice_locked(notice: Notice) -> Notice:
    """The request re-read under a row lock, so that two people acting at once cannot both move it."""
    return Notice.objects.select_for_update(of=("self",)).select_related("owner", "created_by").get(pk=notice.pk)


def require(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied(gettext("You may not take this action on this request."))


def require_reasons(reasons: str) -> str:
    reasons = (reasons or "").strip()
    if not reasons:
        raise ValidationError({"reasons": gettext("Give the reasons.")})
    return reasons


def notice_transition(
    notice: Notice,
    *,
    actor,
    action: str,
    status: str,
    fields: dict | None = None,
    reasons: str = "",
    checklist: dict | None = None,
    request=None,
) -> Notice:
    """Move a locked request to `status`, setting `fields`, and write its history entry and audit row."""
    previous = notice.status
    notice.status = status
    for name, value in (fields or {}).items():
        setattr(notice, name, value)
    notice.full_clean(exclude=["photo"])
    notice.save(update_fields=["status", "updated_at", *(fields or {})])
    NoticeEvent.objects.create(
        notice=notice, actor=actor, action=action, status=status, reasons=reasons, checklist=checklist or {}
    )
    audit_record(
        actor=actor,
        action=f"notice.{action}",
        target=notice,
        request=request,
        query={"from": previous, "to": status, **({"checklist": checklist} if checklist else {})},
        outcome=reasons[:200],
    )
    return notice


def page_url(name: str, pk: int) -> str:
    """A page of the app without a language prefix, for notifications: the reader's language is added on opening."""
    with translation.override("en"):
        path = reverse(f"notices:{name}", args=[pk])
    return path.removeprefix("/en")


def notice_url(notice: Notice) -> str:
    return page_url("detail", notice.pk)
