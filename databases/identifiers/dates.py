"""Partial dates: a date of birth is often known only to the year or the month.

Records keep what is known and no more (1974, 1974-08, 1974-08-12); matching treats a partial date as the
interval of days it could be, so "1974" is compatible with any day of 1974 and never with 1975.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from .errors import IdentifierError

DEFAULT_MIN_YEAR = 1800
_PARTIAL = re.compile(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?")


@dataclass(frozen=True, slots=True)
class PartialDate:
    """A calendar date of which the month and day may be unknown (a day is never known without its month)."""

    year: int
    month: int | None = None
    day: int | None = None

    def __post_init__(self) -> None:
        _check_calendar(self.year, self.month, self.day, "date")

    @classmethod
    def from_date(cls, value: dt.date) -> PartialDate:
        return cls(value.year, value.month, value.day)

    @property
    def precision(self) -> str:
        """ "year", "month" or "day": how much of the date is known."""
        return "day" if self.day else "month" if self.month else "year"

    def __str__(self) -> str:
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    def earliest(self) -> dt.date:
        """The first day this date can stand for."""
        return dt.date(self.year, self.month or 1, self.day or 1)

    def latest(self) -> dt.date:
        """The last day this date can stand for."""
        month = self.month or 12
        return dt.date(self.year, month, self.day or calendar.monthrange(self.year, month)[1])

    def day_distance(self, other: PartialDate | dt.date) -> int:
        """Days between the closest days the two dates can stand for; 0 when their intervals overlap."""
        other = _as_partial(other)
        # Ordinals rather than timedelta arithmetic: no overflow near date.min/date.max.
        gap = max(other.earliest().toordinal() - self.latest().toordinal(), 0)
        return max(gap, self.earliest().toordinal() - other.latest().toordinal())

    def compatible(self, other: PartialDate | dt.date, tolerance_days: int = 0) -> bool:
        """True when both could be the same day, give or take `tolerance_days` (typing errors in the day)."""
        return self.day_distance(other) <= tolerance_days

    def year_distance(self, other: PartialDate | dt.date) -> int:
        """Absolute difference of the years (a scoring input: an off-by-one year is a common error)."""
        return abs(self.year - other.year)


def _as_partial(value: PartialDate | dt.date) -> PartialDate:
    return value if isinstance(value, PartialDate) else PartialDate.from_date(value)


def _int_or_none(part: str | None) -> int | None:
    return int(part) if part else None


def _check_calendar(year: int, month: int | None, day: int | None, field: str) -> None:
    if not 1 <= year <= 9999 or (month is not None and not 1 <= month <= 12):
        raise IdentifierError(field, "invalid", _("This is not a valid date."))
    if day is not None and (month is None or not 1 <= day <= calendar.monthrange(year, month)[1]):
        raise IdentifierError(field, "invalid", _("This is not a valid date."))


def parse_partial_date(
    value: str | dt.date | PartialDate | None,
    *,
    field: str = "date",
    min_year: int = DEFAULT_MIN_YEAR,
    max_year: int | None = None,
) -> PartialDate:
    """Parse 'YYYY', 'YYYY-MM', 'YYYY-MM-DD' or a date into a PartialDate.

    The year must lie in min_year..max_year (default: 1800 to next year, which suits dates of birth and
    theft dates; pass other bounds for, say, the creation date of a work of art). `field` names the form
    field in the error.
    """
    if isinstance(value, PartialDate):
        result = value
    elif isinstance(value, dt.date):
        # A datetime is a date too; only its calendar day matters here.
        result = PartialDate(value.year, value.month, value.day)
    else:
        text = (value or "").strip()
        if not text:
            raise IdentifierError(field, "empty", _("Enter a date."))
        match = _PARTIAL.fullmatch(text)
        if match is None:
            raise IdentifierError(field, "format", _("Enter a date as YYYY, YYYY-MM or YYYY-MM-DD."))
        year, month, day = int(match[1]), _int_or_none(match[2]), _int_or_none(match[3])
        _check_calendar(year, month, day, field)
        result = PartialDate(year, month, day)
    if max_year is None:
        max_year = dt.date.today().year + 1
    if not min_year <= result.year <= max_year:
        raise IdentifierError(
            field, "year_range", _("The year must lie between {min} and {max}."), min=min_year, max=max_year
        )
    return result
