"""Template helpers used across apps."""

from django import template
from django.utils.translation import gettext

register = template.Library()


@register.simple_tag
def render_notification(notification) -> str:
    """A notification's text in the reader's language (stored as an English message id with parameters)."""
    text = gettext(notification.message)
    try:
        return text.format(**notification.params)
    except (KeyError, IndexError, ValueError):
        return text


@register.simple_tag(takes_context=True)
def query_with(context, **changes) -> str:
    """The current query string with some parameters replaced (pagination keeps the filters)."""
    query = context["request"].GET.copy()
    for key, value in changes.items():
        query[key] = value
    return query.urlencode()
