"""Calendar arithmetic for validity periods: years and months, not fixed numbers of days."""

from datetime import date
from typing import TypeVar

from dateutil.relativedelta import relativedelta

Moment = TypeVar("Moment", bound=date)


def add_years(moment: Moment, years: int) -> Moment:
    """29 February plus one year is 28 February."""
    return moment + relativedelta(years=years)


def add_months(moment: Moment, months: int) -> Moment:
    return moment + relativedelta(months=months)
