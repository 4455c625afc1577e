"""Hits on the NCB's records and hits its queries caused; the owner reviews them."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ncb.pagination import IdFirstPaginator

from .. import selectors, services
from ..forms import HitReviewForm
from .access import reader_required, writer_required


@reader_required
def hit_list(request):
    page = IdFirstPaginator(selectors.hits_for_unit(viewer=request.user), 25).get_page(request.GET.get("page"))
    return render(request, "databases/hits.html", {"page": page, "form": HitReviewForm()})


@writer_required
@require_POST
def hit_review_view(request, pk: int):
    hit = get_object_or_404(selectors.hits_for_unit(viewer=request.user), pk=pk)
    if hit.record_owner_id != request.user.unit_id:
        raise PermissionDenied
    form = HitReviewForm(request.POST)
    if form.is_valid():
        services.hit_review(
            hit=hit,
            actor=request.user,
            status=form.cleaned_data["review_status"],
            reason=form.cleaned_data["review_reason"],
        )
        messages.success(request, _("The hit was reviewed."))
    return redirect("databases:hits")
