"""Validity of published notices: five years, a reminder six months before, extension with reasons, expiry."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from ncb.models import AuditEntry, Notification
from notices import services, tasks
from notices.choices import NoticeStatus
from notices.models import PublicExtract
from tests.notices.factories import NoticeFactory, published

pytestmark = pytest.mark.django_db


def _expiring_in(days: int, **kwargs):
    notice = published(NoticeFactory(**kwargs), consent=kwargs.pop("public_consent", True))
    notice.expires_at = timezone.now() + timedelta(days=days)
    notice.save(update_fields=["expires_at"])
    return notice


def test_published_notice_expires_when_its_validity_ends():
    past, future = _expiring_in(-1), _expiring_in(30)
    assert services.notices_expire_due() == 1
    past.refresh_from_db()
    future.refresh_from_db()
    assert past.status == NoticeStatus.EXPIRED and past.closed_at
    assert future.status == NoticeStatus.PUBLISHED
    assert not PublicExtract.objects.filter(notice=past).exists()
    assert PublicExtract.objects.filter(notice=future).exists()
    assert Notification.objects.filter(unit=past.owner, kind="notice_expired").count() == 1
    assert AuditEntry.objects.filter(action="notice.expire", target_id=str(past.pk)).exists()


def test_expiry_task_is_idempotent():
    _expiring_in(-1)
    assert tasks.notice_expire_due_task() == 1
    assert tasks.notice_expire_due_task() == 0


def test_expiry_leaves_other_states_alone():
    draft = NoticeFactory()
    draft.expires_at = timezone.now() - timedelta(days=1)
    draft.save()
    assert services.notices_expire_due() == 0


def test_requester_is_reminded_six_months_before_expiry_once():
    inside, outside = _expiring_in(170), _expiring_in(200)
    assert tasks.notice_remind_expiring_task() == 1
    assert tasks.notice_remind_expiring_task() == 0
    inside.refresh_from_db()
    outside.refresh_from_db()
    assert inside.reminder_sent_at and outside.reminder_sent_at is None
    note = Notification.objects.get(unit=inside.owner, kind="notice_expiring")
    assert note.params["reference"] == inside.entity_id


def test_requester_extends_within_the_reminder_window(officer_fr):
    notice = _expiring_in(100)
    services.notices_remind_expiring()
    before = notice.expires_at
    notice = services.notice_extend(notice=notice, actor=officer_fr, reasons="Still wanted; extradition pending.")
    assert notice.expires_at.year == before.year + 5 and notice.reminder_sent_at is None
    assert notice.events.filter(action="extend", reasons__startswith="Still wanted").exists()
    assert AuditEntry.objects.filter(action="notice.extend", target_id=str(notice.pk)).exists()


def test_extension_before_the_window_is_refused(officer_fr):
    with pytest.raises(PermissionDenied):
        services.notice_extend(notice=_expiring_in(400), actor=officer_fr, reasons="Early")


def test_extension_needs_reasons(officer_fr):
    with pytest.raises(ValidationError):
        services.notice_extend(notice=_expiring_in(100), actor=officer_fr, reasons=" ")


@pytest.mark.parametrize("fixture", ["officer_es", "reviewer"])
def test_only_the_requesting_ncb_extends(request, fixture):
    with pytest.raises(PermissionDenied):
        services.notice_extend(notice=_expiring_in(100), actor=request.getfixturevalue(fixture), reasons="Needed")


def test_expired_notice_cannot_be_extended(officer_fr):
    notice = _expiring_in(-1)
    services.notices_expire_due()
    with pytest.raises(PermissionDenied):
        services.notice_extend(notice=notice, actor=officer_fr, reasons="Too late")


def test_validity_is_five_years_from_publication(reviewer):
    from tests.notices.factories import in_status
    from tests.notices.test_workflow import ALL_CLEAR

    notice = services.notice_publish(
        notice=in_status(NoticeStatus.UNDER_REVIEW), reviewer=reviewer, checklist=ALL_CLEAR
    )
    assert notice.expires_at == notice.published_at.replace(year=notice.published_at.year + 5)
