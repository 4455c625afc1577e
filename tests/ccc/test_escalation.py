"""Escalation: cases close to their first-reply deadline are flagged to the supervisors; misses are counted."""

from datetime import UTC, datetime, timedelta

import pytest
from django.utils import translation

from ccc import services
from ccc.choices import CasePriority, CaseStatus
from ccc.dashboard import first_replies
from ncb.models import Notification
from tests.ccc.factories import CaseFactory

pytestmark = pytest.mark.django_db
NOW = datetime(2026, 1, 15, 12, tzinfo=UTC)


def test_a_case_within_the_margin_is_escalated_once_to_each_supervisor(
    lyon, supervisor, django_capture_on_commit_callbacks, mailoutbox
):
    close = CaseFactory(site=lyon, priority=CasePriority.URGENT, opened_at=NOW - timedelta(hours=7, minutes=30))
    far = CaseFactory(site=lyon, priority=CasePriority.URGENT, opened_at=NOW - timedelta(hours=2))
    answered = CaseFactory(site=lyon, opened_at=NOW - timedelta(hours=11, minutes=50), first_reply_at=NOW)
    closed = CaseFactory(site=lyon, opened_at=NOW - timedelta(hours=20), status=CaseStatus.CLOSED)
    with django_capture_on_commit_callbacks(execute=True):
        assert services.cases_escalate_due(now=NOW) == 1
    close.refresh_from_db()
    assert close.escalated_at == NOW
    for other in (far, answered, closed):
        other.refresh_from_db()
        assert other.escalated_at is None
    notes = Notification.objects.filter(user=supervisor, kind="ccc_case_escalated")
    assert [n.params["reference"] for n in notes] == [close.reference]
    assert len(mailoutbox) == 1 and close.reference in mailoutbox[0].subject
    # The beat runs again five minutes later: nothing new.
    assert services.cases_escalate_due(now=NOW + timedelta(minutes=5)) == 0
    assert notes.count() == 1


def test_overdue_cases_are_escalated_too(lyon, supervisor):
    overdue = CaseFactory(site=lyon, opened_at=NOW - timedelta(hours=13))
    assert services.cases_escalate_due(now=NOW) == 1
    overdue.refresh_from_db()
    assert overdue.escalated_at is not None


def test_the_margin_comes_from_settings(lyon, supervisor, settings):
    CaseFactory(site=lyon, priority=CasePriority.URGENT, opened_at=NOW - timedelta(hours=6))
    assert services.cases_escalate_due(now=NOW) == 0
    settings.CCC_ESCALATION_MARGIN_MINUTES = 150
    assert services.cases_escalate_due(now=NOW) == 1


def test_escalation_mail_is_written_in_each_supervisors_language(lyon, supervisor, monkeypatch):
    from tests.ncb.factories import UserFactory

    UserFactory(unit=lyon, roles=["ccc_supervisor"], username="t.sup.es", preferred_language="es")
    case = CaseFactory(site=lyon, opened_at=NOW - timedelta(hours=13))
    languages = []
    original = services.mail.render_to_string

    def spy(template, context):
        languages.append((context["user"].username, translation.get_language()))
        return original(template, context)

    monkeypatch.setattr(services.mail, "render_to_string", spy)
    assert services.escalation_mail_send(case_id=case.pk) == 2
    assert set(languages) == {("t.supervisor", "en"), ("t.sup.es", "es")}


def test_missed_deadlines_are_counted_from_first_reply_against_deadline(lyon):
    opened = NOW - timedelta(hours=20)
    CaseFactory(site=lyon, priority=CasePriority.URGENT, opened_at=opened, first_reply_at=opened + timedelta(hours=2))
    CaseFactory(site=lyon, priority=CasePriority.URGENT, opened_at=opened, first_reply_at=opened + timedelta(hours=9))
    CaseFactory(site=lyon, priority=CasePriority.URGENT, opened_at=opened)  # never answered, deadline past
    CaseFactory(site=lyon, priority=CasePriority.STANDARD, opened_at=NOW - timedelta(hours=1))  # still in time
    rows = {row["priority"].value: row for row in first_replies(since=NOW - timedelta(days=30), now=NOW)}
    urgent = rows["urgent"]
    assert (urgent["opened"], urgent["on_time"], urgent["late"], urgent["unanswered_overdue"]) == (3, 1, 1, 1)
    assert urgent["missed"] == 2
    assert urgent["average_hours"] == 5.5 and urgent["longest_hours"] == 9
    assert rows["standard"]["missed"] == 0 and rows["standard"]["opened"] == 1
