"""Search of published notices, for NCBs, the CCC and the General Secretariat."""

from django.shortcuts import render

from ncb.permissions import role_required

from .. import selectors, services
from ..forms import NoticeSearchForm
from .common import VIEW_ROLES, page_of


@role_required(*VIEW_ROLES)
def search(request):
    form = NoticeSearchForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    page = page_of(request, selectors.notice_search(user=request.user, **filters))
    if any(filters.values()):
        services.notice_search_record(viewer=request.user, query=filters, count=page.paginator.count, request=request)
    return render(request, "notices/search.html", {"form": form, "page": page})
