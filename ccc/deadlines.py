"""First-reply deadlines: a fixed number of elapsed hours per priority (settings), whatever the time zone."""

from datetime import UTC, datetime, timedelta

from django.conf import settings


def first_reply_deadline(*, priority: str, opened_at: datetime) -> datetime:
    """The instant by which the CCC must first reply: `opened_at` plus the priority's hours.

    Computed on aware datetimes, i.e. in elapsed time: a case opened in Lyon half an hour before the clocks go
    forward is still due eight real hours later, which reads one hour later on the wall clock. The sum is done in
    UTC because Python adds to an aware datetime in wall-clock time of its own zone, DST ignored.
    """
    return opened_at.astimezone(UTC) + timedelta(hours=settings.CCC_FIRST_REPLY_HOURS[priority])


def escalation_margin() -> timedelta:
    return timedelta(minutes=settings.CCC_ESCALATION_MARGIN_MINUTES)
