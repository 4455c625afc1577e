"""Dashboard figures: open cases per site and priority, hits per day (from databases when it offers them)."""

from datetime import UTC, date, datetime, timedelta

import pytest

from ccc import dashboard
from ccc.choices import CasePriority, CaseSource, CaseStatus
from tests.ccc.factories import CaseFactory

pytestmark = pytest.mark.django_db


def test_open_cases_per_site_and_priority(lyon, singapore, buenos_aires):
    CaseFactory(site=lyon, priority=CasePriority.URGENT)
    CaseFactory(site=lyon, priority=CasePriority.STANDARD, status=CaseStatus.WAITING_FOR_NCB)
    CaseFactory(site=singapore, priority=CasePriority.URGENT, status=CaseStatus.RESOLVED)
    rows = {row["site"].code: row for row in dashboard.open_cases_by_site()}
    assert (rows["ccc-lyon"]["urgent"], rows["ccc-lyon"]["standard"], rows["ccc-lyon"]["total"]) == (1, 1, 2)
    assert rows["ccc-singapore"]["total"] == 0 and rows["ccc-buenos-aires"]["total"] == 0


def test_hits_per_day_falls_back_to_cases_per_source(lyon):
    today = date(2026, 1, 15)
    CaseFactory(site=lyon, source=CaseSource.HIT, opened_at=datetime(2026, 1, 15, 10, tzinfo=UTC))
    CaseFactory(site=lyon, source=CaseSource.HIT, opened_at=datetime(2026, 1, 14, 10, tzinfo=UTC))
    CaseFactory(site=lyon, source=CaseSource.NCB_REQUEST, opened_at=datetime(2026, 1, 15, 11, tzinfo=UTC))
    figures = dashboard.hits_per_day(days=3, today=today)
    assert not figures["from_databases"]
    assert figures["labels"] == [today - timedelta(days=2), today - timedelta(days=1), today]
    series = {s["label"]: s["data"] for s in figures["series"]}
    assert series[str(CaseSource.HIT.label)] == [0, 1, 1]
    assert series[str(CaseSource.NCB_REQUEST.label)] == [0, 0, 1]
    assert figures["rows"][-1]["day"] == today and sum(figures["rows"][-1]["values"]) == 2


def test_hits_per_day_reads_the_databases_selector_when_there_is_one(monkeypatch):
    def provider(*, since, until):
        return {(until, "Travel documents"): 40, (since, "Vehicles"): 3}

    monkeypatch.setattr(dashboard, "_databases_provider", lambda: provider)
    figures = dashboard.hits_per_day(days=2, today=date(2026, 1, 15))
    assert figures["from_databases"]
    assert {s["label"]: s["data"] for s in figures["series"]} == {"Travel documents": [0, 40], "Vehicles": [3, 0]}
