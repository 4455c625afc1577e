"""Follow the sun: each CCC site works set hours in its own time zone, and the next site takes over at the end.

Pure functions of a site's `time_zone`, `shift_start` and `shift_end`. Shift boundaries are computed in the site's
zone with zoneinfo, so a 17:00 end in Lyon is 16:00 UTC in winter and 15:00 UTC in summer.
"""

from collections.abc import Iterable
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from ncb.models import Unit


def shift_window(site: Unit, day: date) -> tuple[datetime, datetime]:
    """The shift starting on the site's local `day`, in UTC (a shift may end the next day).

    Returned in UTC because Python compares and subtracts two datetimes of the same zone on the wall clock.
    """
    if site.shift_start is None or site.shift_end is None:
        raise ValueError(f"{site.code} has no working hours")
    zone = ZoneInfo(site.time_zone)
    start = datetime.combine(day, site.shift_start, tzinfo=zone)
    end_day = day if site.shift_end > site.shift_start else day + timedelta(days=1)
    end = datetime.combine(end_day, site.shift_end, tzinfo=zone)
    return start.astimezone(UTC), end.astimezone(UTC)


def _windows_around(site: Unit, at: datetime) -> list[tuple[datetime, datetime]]:
    local_day = at.astimezone(ZoneInfo(site.time_zone)).date()
    return [shift_window(site, local_day + timedelta(days=offset)) for offset in (-1, 0, 1)]


def is_on_duty(site: Unit, at: datetime) -> bool:
    """Whether `at` falls within one of the site's shifts (start included, end excluded)."""
    return any(start <= at < end for start, end in _windows_around(site, at))


def last_shift_end(site: Unit, at: datetime) -> datetime | None:
    """The most recent end of a shift of the site at or before `at`."""
    ends = [end for _start, end in _windows_around(site, at) if end <= at]
    return max(ends) if ends else None


def next_shift_start(site: Unit, at: datetime) -> datetime:
    """The first start of a shift of the site at or after `at`."""
    return min(start for start, _end in _windows_around(site, at) if start >= at)


def site_on_duty(sites: Iterable[Unit], at: datetime, *, exclude: Unit | None = None) -> Unit | None:
    """The site that should take work at `at`: one on duty (the latest to have started), else the next to start."""
    candidates = [site for site in sites if exclude is None or site.pk != exclude.pk]
    if not candidates:
        return None
    on_duty = [site for site in candidates if is_on_duty(site, at)]
    if on_duty:
        # With overlapping shifts, the site that came on last has the most hours ahead of it.
        return max(on_duty, key=lambda site: max(s for s, e in _windows_around(site, at) if s <= at < e))
    return min(candidates, key=lambda site: next_shift_start(site, at))
