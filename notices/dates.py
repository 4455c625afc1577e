"""Calendar arithmetic for validity periods: years and months, not fixed numbers of days."""

from datetime import datetime

from dateutil.relativedelta import relativedelta


def add_years(moment: datetime, years: int) -> datetime:
    """29 February plus one year is 28 February."""
    return moment + relativedelta(years=years)


def add_months(moment: datetime, months: int) -> datetime:
    return moment + relativedelta(months=months)
