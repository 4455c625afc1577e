"""Diffusions: send one, see those sent and received, open one."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from ncb.permissions import role_required
from ncb.roles import NCB_ROLES

from .. import permissions, selectors, services
from ..choices import NoticeType
from ..forms import DiffusionFilterForm, DiffusionForm
from ..types import spec_for
from .common import VIEW_ROLES, page_of, run_service


@role_required(*VIEW_ROLES)
def diffusion_list(request):
    form = DiffusionFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    page = page_of(request, selectors.diffusion_list(user=request.user, **filters))
    return render(request, "notices/diffusion_list.html", {"form": form, "page": page})


@role_required(*NCB_ROLES)
def diffusion_create(request, diffusion_type: str):
    if diffusion_type not in NoticeType.values or diffusion_type == NoticeType.UN:
        raise Http404
    spec = spec_for(diffusion_type)
    form = DiffusionForm(
        request.POST or None, request.FILES or None, spec=spec, initial={"language": request.user.preferred_language}
    )
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        countries = None if data.pop("to_all") else list(data.pop("countries"))
        diffusion = run_service(
            request,
            services.diffusion_send,
            actor=request.user,
            diffusion_type=diffusion_type,
            data=data,
            countries=countries,
        )
        if diffusion is not None:
            messages.success(request, _("The diffusion was sent. The General Secretariat will review it."))
            return redirect("notices:diffusion_detail", diffusion.pk)
    return render(request, "notices/diffusion_form.html", {"form": form, "spec": spec})


@role_required(*VIEW_ROLES)
def diffusion_detail(request, pk: int):
    diffusion = selectors.diffusion_get(user=request.user, pk=pk)
    services.notice_view_record(record=diffusion, viewer=request.user, request=request)
    context = {
        "diffusion": diffusion,
        "may_review": permissions.may_review_diffusion(request.user, diffusion),
        "addressees": permissions.addressees_visible(request.user, diffusion),
    }
    return render(request, "notices/diffusion_detail.html", context)
