"""What every page of the app shares: who may open it, and how a refused action is reported."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator

from ncb.roles import CCC_ROLES, NCB_ROLES, Role

# Who works with notices at all; which notice each of them sees is decided by notices.selectors.
VIEW_ROLES = (*NCB_ROLES, *CCC_ROLES, Role.NOTICES_REVIEWER, Role.CRIMINAL_ANALYST)
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
