"""First-reply deadlines: elapsed hours per priority, shown in the viewer's time zone, across DST changes."""

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from ccc.choices import CasePriority
from ccc.deadlines import first_reply_deadline
from ccc.templatetags.ccc_tags import time_left
from tests.ccc.factories import CaseFactory
from tests.ncb.factories import UserFactory

PARIS = ZoneInfo("Europe/Paris")


def test_urgent_and_standard_deadlines_come_from_settings(settings):
    opened = datetime(2026, 1, 10, 12, tzinfo=UTC)
    assert first_reply_deadline(priority=CasePriority.URGENT, opened_at=opened) == opened + timedelta(hours=8)
    assert first_reply_deadline(priority=CasePriority.STANDARD, opened_at=opened) == opened + timedelta(hours=12)
    settings.CCC_FIRST_REPLY_HOURS = {"urgent": 4, "standard": 24}
    assert first_reply_deadline(priority=CasePriority.URGENT, opened_at=opened) == opened + timedelta(hours=4)


def test_case_opened_just_before_paris_springs_forward_is_due_eight_real_hours_later():
    # 01:30 CET on 29 March 2026; at 02:00 the clocks jump to 03:00.
    opened = datetime(2026, 3, 29, 1, 30, tzinfo=PARIS)
    deadline = first_reply_deadline(priority=CasePriority.URGENT, opened_at=opened)
    assert deadline.astimezone(UTC) - opened.astimezone(UTC) == timedelta(hours=8)
    assert deadline.astimezone(UTC) == datetime(2026, 3, 29, 8, 30, tzinfo=UTC)
    # Nine hours later on the Paris wall clock.
    assert deadline.astimezone(PARIS).strftime("%H:%M %Z") == "10:30 CEST"
    assert deadline.astimezone(ZoneInfo("Asia/Singapore")).strftime("%H:%M") == "16:30"
    assert deadline.astimezone(ZoneInfo("America/Argentina/Buenos_Aires")).strftime("%H:%M") == "05:30"


def test_case_opened_just_before_paris_falls_back_is_due_seven_wall_clock_hours_later():
    # 01:30 CEST on 25 October 2026; at 03:00 the clocks go back to 02:00.
    opened = datetime(2026, 10, 25, 1, 30, tzinfo=PARIS)
    deadline = first_reply_deadline(priority=CasePriority.URGENT, opened_at=opened)
    assert deadline.astimezone(PARIS).strftime("%H:%M %Z") == "08:30 CET"
    assert deadline.astimezone(UTC) - opened.astimezone(UTC) == timedelta(hours=8)


def test_time_left_reads_hours_and_minutes_and_overdue():
    now = datetime(2026, 1, 1, 12, tzinfo=UTC)
    assert time_left(now + timedelta(hours=2, minutes=5), now) == "2 h 05 min"
    assert time_left(now + timedelta(minutes=40), now) == "40 min"
    assert time_left(now - timedelta(hours=1, minutes=10), now) == "overdue by 1 h 10 min"


@pytest.mark.django_db
@pytest.mark.parametrize(
    "zone, shown", [("Europe/Paris", "10:30"), ("Asia/Singapore", "16:30"), ("America/Argentina/Buenos_Aires", "05:30")]
)
def test_queue_shows_the_deadline_in_the_viewers_time_zone(client, lyon, zone, shown):
    opened = datetime(2026, 3, 29, 0, 30, tzinfo=UTC)
    case = CaseFactory(site=lyon, priority=CasePriority.URGENT, opened_at=opened)
    officer = UserFactory(unit=lyon, roles=["ccc_duty_officer"], time_zone=zone)
    client.force_login(officer)
    html = client.get("/en/ccc/?status=all").content.decode()
    row = html[html.index(f'data-case="{case.pk}"') :]
    assert shown in row[: row.index("</tr>")]
