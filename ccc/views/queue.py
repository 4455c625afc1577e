"""The duty officers' queue, its self-refreshing rows, and opening a case by CCC staff."""

from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from ncb.pagination import CappedPaginator
from ncb.permissions import role_required
from ncb.roles import CCC_ROLES

from .. import selectors, services
from ..choices import CaseSource
from ..forms import CaseOpenForm, QueueFilterForm


def _queue_page(request):
    form = QueueFilterForm(request.GET or None)
    cases = selectors.case_queue(viewer=request.user, **form.filters())
    page = CappedPaginator(cases, settings.CCC_QUEUE_PAGE_SIZE).get_page(request.GET.get("page"))
    return form, page


@role_required(*CCC_ROLES)
def queue(request):
    form, page = _queue_page(request)
    context = {"form": form, "page": page, "viewer_tz": request.user.effective_time_zone}
    return render(request, "ccc/queue.html", context)


@role_required(*CCC_ROLES)
def queue_rows(request):
    """The table body alone, fetched by htmx every 30 seconds with the page's own query string."""
    _form, page = _queue_page(request)
    context = {"page": page, "viewer_tz": request.user.effective_time_zone}
    return render(request, "ccc/_queue_rows.html", context)


@role_required(*CCC_ROLES)
def case_open(request):
    form = CaseOpenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        case = services.case_open(
            source=CaseSource.STAFF,
            summary=data["summary"],
            details=data["details"],
            priority=data["priority"],
            language=data["language"],
            ncbs=data["ncbs"],
            opened_by=request.user,
        )
        messages.success(request, _("Case {reference} was opened.").format(reference=case.reference))
        return redirect("ccc:case_detail", pk=case.pk)
    return render(request, "ccc/case_open.html", {"form": form})
