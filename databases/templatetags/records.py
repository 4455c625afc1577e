"""Template filters of the databases app."""

from django import template

from ..choices import RecordStatus

register = template.Library()


@register.filter
def status_label(code: str) -> str:
    """The translated label of a record status code, as a check's answer gives it ("stolen" -> "volé")."""
    try:
        return RecordStatus(code).label
    except ValueError:
        return code
