"""Trends: records entered, checks made and hits recorded over time, by region, database and crime area.

Counts are GROUP BY queries in the database (eleven queries whatever the volume). Records and hits are
counted only on records the viewer may see, so a restricted record never shows, not even as a count; checks
are the audit trail's check and screening rows, counted by the region of the checking unit.
"""

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Case, CharField, Count, F, OuterRef, Q, Subquery, Value, When
from django.db.models.functions import Coalesce, TruncDate, TruncMonth, TruncWeek

from databases.choices import Database, RecordStatus
from ncb.choices import Region
from ncb.models import AuditEntry

from .choices import CrimeArea, TrendDimension, TrendMeasure, TrendPeriod
from .visibility import DATABASE_OF, hits_visible, visible

_TRUNC = {TrendPeriod.MONTH: TruncMonth, TrendPeriod.WEEK: TruncWeek, TrendPeriod.DAY: TruncDate}
# Audit actions that are checks of one database (check.batch is told apart by the keys of its query).
CHECK_ACTIONS = {
    "check.travel-document": Database.TRAVEL_DOCUMENTS,
    "check.vehicle": Database.VEHICLES,
    "check.firearm": Database.FIREARMS,
    "check.quick_name": Database.PERSONS,
    "screening.persons": Database.PERSONS,
}
UNKNOWN = "unknown"


def crime_area(database: str, status: str | None) -> str:
    """The crime area a record belongs to: its database, and for persons whether wanted or missing.

    A check of the persons database is counted under fugitive investigations: it looks for wanted and missing
    persons alike, and the status of what it looked for is not known.
    """
    if database == Database.PERSONS:
        return CrimeArea.MISSING if status == RecordStatus.MISSING else CrimeArea.FUGITIVES
    return {
        Database.TRAVEL_DOCUMENTS: CrimeArea.TRAVEL_DOCUMENTS,
        Database.VEHICLES: CrimeArea.VEHICLES,
        Database.ARTWORKS: CrimeArea.CULTURAL_HERITAGE,
        Database.FIREARMS: CrimeArea.FIREARMS,
    }[database]


@dataclass(frozen=True)
class TrendCount:
    measure: str
    period: dt.date
    region: str
    database: str
    crime_area: str
    count: int

    def value_of(self, dimension: str) -> str:
        return getattr(self, dimension)


def _day(value) -> dt.date:
    return value.date() if isinstance(value, dt.datetime) else value


def trend_counts(*, viewer, since: dt.date, until: dt.date, period: str) -> list[TrendCount]:
    """Every count of the three measures between `since` and `until` (inclusive), per period and dimension."""
    trunc = _TRUNC[period]
    start = dt.datetime.combine(since, dt.time.min, tzinfo=dt.UTC)
    end = dt.datetime.combine(until + dt.timedelta(days=1), dt.time.min, tzinfo=dt.UTC)
    counts: list[TrendCount] = []
    for kind, database in DATABASE_OF.items():
        records = (
            visible(kind, viewer)
            .filter(recorded_at__gte=start, recorded_at__lt=end)
            .annotate(bucket=trunc("recorded_at"), region_code=F("owner__country__region"))
            .values("bucket", "region_code", "status")
            .annotate(n=Count("pk"))
            .order_by()
        )
        counts += [_count(TrendMeasure.RECORDS, database, row) for row in records]
        model = visible(kind, viewer).model
        status = Subquery(model.objects.filter(pk=OuterRef("record_id")).values("status")[:1])
        hits = (
            hits_visible(viewer)
            .filter(database=database, created_at__gte=start, created_at__lt=end)
            .filter(record_id__in=visible(kind, viewer).values("pk"))
            .annotate(
                bucket=trunc("created_at"),
                region_code=Coalesce("unit__country__region", "record_owner__country__region"),
                status=status,
            )
            .values("bucket", "region_code", "status")
            .annotate(n=Count("pk"))
            .order_by()
        )
        counts += [_count(TrendMeasure.HITS, database, row) for row in hits]
    checks = (
        AuditEntry.objects.filter(at__gte=start, at__lt=end)
        .filter(Q(action__in=CHECK_ACTIONS) | Q(action="check.batch"))
        .annotate(bucket=trunc("at"), region_code=F("unit__country__region"), check_database=_check_database())
        .values("bucket", "region_code", "check_database")
        .annotate(n=Count("pk"))
        .order_by()
    )
    counts += [_count(TrendMeasure.CHECKS, row["check_database"], {**row, "status": None}) for row in checks]
    # Statuses fold into crime areas: add up the counts that now share every dimension.
    merged: dict[tuple, int] = defaultdict(int)
    for count in counts:
        merged[(count.measure, count.period, count.region, count.database, count.crime_area)] += count.count
    return [TrendCount(*key, count=n) for key, n in merged.items()]


def _check_database():
    by_action = [When(action=action, then=Value(database)) for action, database in CHECK_ACTIONS.items()]
    batch = [
        When(action="check.batch", query__has_key="vin", then=Value(Database.VEHICLES)),
        When(action="check.batch", query__has_key="plate", then=Value(Database.VEHICLES)),
        When(action="check.batch", query__has_key="serial", then=Value(Database.FIREARMS)),
    ]
    return Case(*by_action, *batch, default=Value(Database.TRAVEL_DOCUMENTS), output_field=CharField())


def _count(measure: str, database: str, row: dict) -> TrendCount:
    return TrendCount(
        measure=measure,
        period=_day(row["bucket"]),
        region=row["region_code"] or UNKNOWN,
        database=database,
        crime_area=crime_area(database, row["status"]),
        count=row["n"],
    )


def periods(*, since: dt.date, until: dt.date, period: str) -> list[dt.date]:
    """Every period start from `since` to `until`, so that a period without any count shows as zero."""
    if period == TrendPeriod.MONTH:
        day, step = since.replace(day=1), None
    elif period == TrendPeriod.WEEK:
        day, step = since - dt.timedelta(days=since.weekday()), dt.timedelta(days=7)
    else:
        day, step = since, dt.timedelta(days=1)
    days = []
    while day <= until:
        days.append(day)
        day = (day.replace(year=day.year + day.month // 12, month=day.month % 12 + 1)) if step is None else day + step
    return days


def dimension_labels(dimension: str) -> dict[str, str]:
    """Every value of a dimension with its label in the reader's language, in a fixed order."""
    from django.utils.translation import gettext

    choices = {
        TrendDimension.REGION: Region,
        TrendDimension.DATABASE: Database,
        TrendDimension.CRIME_AREA: CrimeArea,
    }[dimension]
    labels = {value: str(label) for value, label in choices.choices}
    labels[UNKNOWN] = gettext("Not known")
    return labels


def pivot(counts: list[TrendCount], *, measure: str, dimension: str, days: list[dt.date]) -> dict:
    """One measure as a table: a row per period, a column per value of the dimension that has any count."""
    labels = dimension_labels(dimension)
    cells: dict[tuple, int] = defaultdict(int)
    present = set()
    for count in counts:
        if count.measure == measure:
            value = count.value_of(dimension)
            cells[(count.period, value)] += count.count
            present.add(value)
    columns = [value for value in labels if value in present]
    rows = [
        {
            "period": day,
            "values": [cells[(day, value)] for value in columns],
            "total": sum(cells[(day, v)] for v in columns),
        }
        for day in days
    ]
    return {
        "measure": measure,
        "label": str(TrendMeasure(measure).label),
        "columns": [{"value": value, "label": labels[value]} for value in columns],
        "rows": rows,
        "totals": [sum(row["values"][index] for row in rows) for index in range(len(columns))],
        "total": sum(row["total"] for row in rows),
    }
