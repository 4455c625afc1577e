"""Template helpers of the analysis app: whether the navigation offers it to the viewer."""

from django import template

from ..permissions import may_analyse as _may_analyse

register = template.Library()


@register.filter
def may_analyse(user) -> bool:
    return _may_analyse(user)
