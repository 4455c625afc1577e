"""Pages of the General Secretariat's reviewers: the queue, the review of a request or a diffusion."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from ncb.permissions import role_required
from ncb.roles import Role

from .. import permissions, selectors, services
from ..forms import DiffusionReviewForm, ReviewForm
from .common import page_of, run_service


@role_required(Role.NOTICES_REVIEWER)
def review_queue(request):
    """Requests under review, longest waiting first, with their 24-hour target; diffusions to review after."""
    context = {
        "page": page_of(request, selectors.review_queue()),
        "diffusions": selectors.diffusions_to_review()[:50],
    }
    return render(request, "notices/review_queue.html", context)


@role_required(Role.NOTICES_REVIEWER)
def review(request, pk: int):
    notice = selectors.notice_get(user=request.user, pk=pk)
    if not permissions.may_review(request.user, notice):
        messages.error(request, _("This request is not under compliance review."))
        return redirect("notices:detail", pk)
    form = ReviewForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if data["decision"] == ReviewForm.PUBLISH:
            done = run_service(
                request,
                services.notice_publish,
                notice=notice,
                reviewer=request.user,
                checklist=form.checklist,
                reasons=data["reasons"],
            )
            message = _("The notice was published.")
        else:
            done = run_service(
                request,
                services.notice_refuse,
                notice=notice,
                reviewer=request.user,
                checklist=form.checklist,
                reasons=data["reasons"],
            )
            message = _("The request was refused.")
        if done is not None:
            messages.success(request, message)
            return redirect("notices:review_queue")
    services.notice_view_record(record=notice, viewer=request.user, request=request)
    return render(request, "notices/review.html", {"form": form, "notice": notice})


@role_required(Role.NOTICES_REVIEWER)
def diffusion_review(request, pk: int):
    diffusion = selectors.diffusion_get(user=request.user, pk=pk)
    form = DiffusionReviewForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if data["decision"] == DiffusionReviewForm.CONFIRM:
            done = run_service(
                request,
                services.diffusion_review_confirm,
                diffusion=diffusion,
                reviewer=request.user,
                checklist=form.checklist,
            )
        else:
            done = run_service(
                request,
                services.diffusion_withdraw,
                diffusion=diffusion,
                reviewer=request.user,
                reasons=data["reasons"],
                checklist=form.checklist,
            )
        if done is not None:
            messages.success(request, _("The review of the diffusion was recorded."))
            return redirect("notices:review_queue")
    return render(request, "notices/diffusion_review.html", {"form": form, "diffusion": diffusion})
