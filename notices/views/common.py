"""What every page of the app shares: who may open it, and how a refused action is reported."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator

from ..permissions import VIEW_ROLES

__all__ = ["PAGE_SIZE", "VIEW_ROLES", "page_of", "run_service"]
PAGE_SIZE = 25


def run_service(request, service, /, **kwargs):
    """Call a service; on a refusal, show its reasons as messages and return None."""
    try:
        return service(request=request, **kwargs)
    except ValidationError as refusal:
        for message in refusal.messages:
            messages.error(request, message)
        return None


def page_of(request, items, size: int = PAGE_SIZE):
    return Paginator(items, size).get_page(request.GET.get("page"))
