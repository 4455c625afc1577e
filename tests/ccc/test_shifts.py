"""Follow-the-sun arithmetic: shift boundaries in each site's own zone, across daylight saving time."""

from datetime import UTC, datetime

import pytest

from ccc.selectors import ccc_sites
from ccc.shifts import is_on_duty, last_shift_end, shift_window, site_on_duty

pytestmark = pytest.mark.django_db


def utc(*args) -> datetime:
    return datetime(*args, tzinfo=UTC)


def test_lyon_shift_is_an_hour_earlier_in_utc_in_summer(lyon):
    winter_start, winter_end = shift_window(lyon, datetime(2026, 1, 15).date())
    summer_start, summer_end = shift_window(lyon, datetime(2026, 7, 15).date())
    assert (winter_start, winter_end) == (utc(2026, 1, 15, 8), utc(2026, 1, 15, 16))
    assert (summer_start, summer_end) == (utc(2026, 7, 15, 7), utc(2026, 7, 15, 15))


def test_shift_on_the_day_paris_moves_its_clocks_forward(lyon):
    # 29 March 2026: 02:00 CET becomes 03:00 CEST; the 09:00-17:00 shift is already on summer time.
    start, end = shift_window(lyon, datetime(2026, 3, 29).date())
    assert (start, end) == (utc(2026, 3, 29, 7), utc(2026, 3, 29, 15))
    assert last_shift_end(lyon, utc(2026, 3, 29, 15, 1)) == utc(2026, 3, 29, 15)
    assert last_shift_end(lyon, utc(2026, 3, 29, 14, 59)) == utc(2026, 3, 28, 16)


def test_the_three_sites_cover_the_day_in_winter(lyon, singapore, buenos_aires):
    sites = list(ccc_sites())
    assert site_on_duty(sites, utc(2026, 1, 15, 3)) == singapore
    assert site_on_duty(sites, utc(2026, 1, 15, 10)) == lyon
    assert site_on_duty(sites, utc(2026, 1, 15, 18)) == buenos_aires
    assert is_on_duty(buenos_aires, utc(2026, 1, 15, 23, 59))
    assert not is_on_duty(buenos_aires, utc(2026, 1, 16, 0, 0))


def test_next_site_is_the_one_on_duty_or_the_next_to_start(lyon, singapore, buenos_aires):
    sites = list(ccc_sites())
    # Winter: Lyon ends at 16:00 UTC exactly when Buenos Aires starts.
    assert site_on_duty(sites, utc(2026, 1, 15, 16), exclude=lyon) == buenos_aires
    # Summer: Lyon ends at 15:00 UTC, nobody works until Buenos Aires starts at 16:00 UTC.
    assert site_on_duty(sites, utc(2026, 7, 15, 15), exclude=lyon) == buenos_aires
    # Summer: Singapore ends at 08:00 UTC; Lyon has been on since 07:00 UTC.
    assert site_on_duty(sites, utc(2026, 7, 15, 8), exclude=singapore) == lyon
    # Buenos Aires ends at midnight UTC, when Singapore starts.
    assert site_on_duty(sites, utc(2026, 1, 16, 0), exclude=buenos_aires) == singapore
