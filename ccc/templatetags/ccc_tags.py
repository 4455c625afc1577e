"""Template helpers of the CCC pages."""

from datetime import datetime

from django import template
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

register = template.Library()


@register.filter
def time_left(deadline: datetime | None, now: datetime | None = None) -> str:
    """Time until the deadline ("2 h 05 min"), or how long ago it passed ("overdue by 1 h 10 min").

    A duration reads the same in every time zone; the deadline itself is shown in the viewer's zone next to it.
    """
    if deadline is None:
        return ""
    seconds = int((deadline - (now or timezone.now())).total_seconds())
    minutes_total = abs(seconds) // 60
    hours, minutes = divmod(minutes_total, 60)
    text = (
        _("{hours} h {minutes} min").format(hours=hours, minutes=f"{minutes:02d}")
        if hours
        else _("{minutes} min").format(minutes=minutes)
    )
    return text if seconds >= 0 else _("overdue by {duration}").format(duration=text)


@register.filter
def is_past(deadline: datetime | None) -> bool:
    return deadline is not None and deadline < timezone.now()


@register.filter(expects_localtime=True)
def when(value: datetime | None) -> str:
    """A date and 24-hour time in the active time zone with its abbreviation: "29/03/2026 10:30 CEST".

    Duty officers on three continents compare times all day: the 24-hour clock and the zone avoid mistakes.
    """
    if value is None:
        return ""
    return f"{date_format(value, 'SHORT_DATE_FORMAT')} {value:%H:%M} {value.tzname() or ''}".strip()
