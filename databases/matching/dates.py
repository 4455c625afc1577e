"""Comparison of partial dates of birth ('1980', '1980-03', '1980-03-05')."""

from __future__ import annotations

import enum
import re

_PARTIAL_DATE = re.compile(r"^\s*(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?\s*$")

PartialDate = tuple[int, int | None, int | None]


class DateAgreement(enum.Enum):
    """How two dates of birth relate, from strong evidence for the same person to strong evidence against."""

    EXACT = "exact"  # same full date
    COMPATIBLE = "compatible"  # equal as far as the less precise one goes (year only, or year and month)
    SWAPPED = "swapped"  # day and month exchanged: a frequent keying error between date conventions
    CLOSE = "close"  # one year apart, or same year and month with a different day: plausible entry error
    CONFLICT = "conflict"  # different: homonyms, not the same person
    UNKNOWN = "unknown"  # at least one side has no date


def parse_partial_date(value: str | None) -> PartialDate | None:
    """Parse 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD'; anything else (None, '', garbage, month 13) gives None."""
    if not value:
        return None
    match = _PARTIAL_DATE.match(value)
    if not match:
        return None
    year = int(match.group(1))
    month = int(match.group(2)) if match.group(2) else None
    day = int(match.group(3)) if match.group(3) else None
    if (month is not None and not 1 <= month <= 12) or (day is not None and not 1 <= day <= 31):
        return None
    return (year, month, day)


def compare_dates(a: PartialDate | None, b: PartialDate | None) -> DateAgreement:
    """Compare two parsed partial dates of birth."""
    if a is None or b is None:
        return DateAgreement.UNKNOWN
    (ya, ma, da), (yb, mb, db) = a, b
    if ya != yb:
        # One year apart is a plausible keying error, unless the month and day say otherwise too.
        if abs(ya - yb) == 1 and _agree(ma, mb) and _agree(da, db):
            return DateAgreement.CLOSE
        return DateAgreement.CONFLICT
    if ma is None or mb is None:
        return DateAgreement.COMPATIBLE
    if ma != mb:
        if da is not None and db is not None and (ma, da) == (db, mb):
            return DateAgreement.SWAPPED
        return DateAgreement.CONFLICT
    if da is None or db is None:
        return DateAgreement.COMPATIBLE
    return DateAgreement.EXACT if da == db else DateAgreement.CLOSE


def _agree(a: int | None, b: int | None) -> bool:
    """Two date parts agree when equal or when either is unknown."""
    return a is None or b is None or a == b
