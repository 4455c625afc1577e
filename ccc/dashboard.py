"""Figures of the supervisor's dashboard: open cases, first-reply times against deadlines, hits per day.

Aggregates run in the database (a handful of GROUP BY queries whatever the number of cases).
"""

from datetime import UTC, date, datetime, timedelta
from importlib import import_module
from importlib.util import find_spec

from django.db.models import Avg, Count, DurationField, ExpressionWrapper, F, Max, Q
from django.db.models.functions import TruncDate
from django.utils import timezone

from .choices import OPEN_STATUSES, CasePriority, CaseSource
from .models import Case
from .selectors import ccc_sites


def open_cases_by_site() -> list[dict]:
    """Open cases per CCC site and priority: [{"site": Unit, "urgent": n, "standard": n, "total": n}]."""
    counts = Case.objects.filter(status__in=OPEN_STATUSES).values("site_id", "priority").annotate(n=Count("pk"))
    by_site: dict[int, dict] = {}
    for row in counts:
        by_site.setdefault(row["site_id"], {})[row["priority"]] = row["n"]
    rows = []
    for site in ccc_sites():
        numbers = by_site.get(site.pk, {})
        urgent, standard = numbers.get(CasePriority.URGENT, 0), numbers.get(CasePriority.STANDARD, 0)
        rows.append({"site": site, "urgent": urgent, "standard": standard, "total": urgent + standard})
    return rows


def _hours(value: timedelta | None) -> float | None:
    return round(value.total_seconds() / 3600, 2) if value is not None else None


def first_replies(*, since: datetime, now: datetime | None = None) -> list[dict]:
    """First-reply times of the cases opened since `since`, per priority, against the deadline.

    A deadline is missed by a first reply after it, or by no reply with the deadline past.
    """
    from django.conf import settings

    now = now or timezone.now()
    delay = ExpressionWrapper(F("first_reply_at") - F("opened_at"), output_field=DurationField())
    replied = Q(first_reply_at__isnull=False)
    stats = (
        Case.objects.filter(opened_at__gte=since)
        .values("priority")
        .annotate(
            opened=Count("pk"),
            replied=Count("pk", filter=replied),
            on_time=Count("pk", filter=replied & Q(first_reply_at__lte=F("deadline"))),
            late=Count("pk", filter=Q(first_reply_at__gt=F("deadline"))),
            unanswered_overdue=Count("pk", filter=Q(first_reply_at__isnull=True, deadline__lt=now)),
            average=Avg(delay, filter=replied),
            longest=Max(delay, filter=replied),
        )
    )
    by_priority: dict[str, dict] = {row["priority"]: dict(row) for row in stats}
    rows = []
    for priority in CasePriority:
        row = by_priority.get(priority.value, {})
        rows.append(
            {
                "priority": priority,
                "deadline_hours": settings.CCC_FIRST_REPLY_HOURS[priority.value],
                "opened": row.get("opened", 0),
                "replied": row.get("replied", 0),
                "on_time": row.get("on_time", 0),
                "late": row.get("late", 0),
                "unanswered_overdue": row.get("unanswered_overdue", 0),
                "missed": row.get("late", 0) + row.get("unanswered_overdue", 0),
                "average_hours": _hours(row.get("average")),
                "longest_hours": _hours(row.get("longest")),
            }
        )
    return rows


def _days(since: date, until: date) -> list[date]:
    return [since + timedelta(days=n) for n in range((until - since).days + 1)]


def hits_per_day(*, days: int, today: date | None = None) -> dict:
    """Hits per database per day over the last `days` days.

    Read through the databases app's selectors when it offers `hits_per_database_per_day`; until then the
    CCC's own figures stand in: cases opened per day, per source.
    """
    today = today or timezone.now().astimezone(UTC).date()
    since = today - timedelta(days=days - 1)
    labels = _days(since, today)
    provider = _databases_provider()
    if provider is not None:
        return _table(provider(since=since, until=today), labels, from_databases=True)
    rows = (
        Case.objects.filter(opened_at__date__gte=since)
        .annotate(day=TruncDate("opened_at", tzinfo=UTC))
        .values("day", "source")
        .annotate(n=Count("pk"))
    )
    names = dict(CaseSource.choices)
    counts = {(row["day"], str(names.get(row["source"], row["source"]))): row["n"] for row in rows}
    return _table(counts, labels, from_databases=False)


def _table(counts: dict[tuple[date, str], int], labels: list[date], *, from_databases: bool) -> dict:
    """Series for the chart (one per database or source) and rows for the table beside it (one per day)."""
    names = sorted({name for _day, name in counts})
    series = [{"label": name, "data": [counts.get((day, name), 0) for day in labels]} for name in names]
    rows = [{"day": day, "values": [counts.get((day, name), 0) for name in names]} for day in labels]
    return {"from_databases": from_databases, "labels": labels, "series": series, "rows": rows}


def _databases_provider():
    """databases.selectors.hits_per_database_per_day(since=, until=) -> {(date, database label): count}."""
    if find_spec("databases.selectors") is None:
        return None
    return getattr(import_module("databases.selectors"), "hits_per_database_per_day", None)
