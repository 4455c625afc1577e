"""Pages of the requesting NCB: choose a type, fill the request, follow it, act on it."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ncb.permissions import role_required
from ncb.roles import NCB_ROLES

from .. import permissions, selectors, services
from ..choices import NoticeType
from ..forms import NoticeRequestForm, PublicConsentForm, ReasonsForm, RequestFilterForm, TranslationForm
from ..types import SPECS, spec_for
from .common import VIEW_ROLES, page_of, run_service


@role_required(*NCB_ROLES)
def request_start(request):
    """The notice types with their purposes: the requester picks the one that fits."""
    return render(request, "notices/request_start.html", {"specs": SPECS.values()})


def _spec_or_404(notice_type: str):
    if notice_type not in NoticeType.values:
        raise Http404
    return spec_for(notice_type)


@role_required(*NCB_ROLES)
def request_create(request, notice_type: str):
    spec = _spec_or_404(notice_type)
    form = NoticeRequestForm(
        request.POST or None, request.FILES or None, spec=spec, initial={"language": request.user.preferred_language}
    )
    if request.method == "POST" and form.is_valid():
        notice = run_service(
            request, services.notice_create, actor=request.user, notice_type=notice_type, data=form.cleaned_data
        )
        if notice is not None:
            messages.success(request, _("The draft was saved. Submit it when it is complete."))
            return redirect("notices:detail", notice.pk)
    return render(request, "notices/request_form.html", {"form": form, "spec": spec})


@role_required(*NCB_ROLES)
def request_edit(request, pk: int):
    notice = selectors.notice_get(user=request.user, pk=pk)
    if not permissions.may_edit(request.user, notice):
        messages.error(request, _("Only drafts of your NCB can be changed."))
        return redirect("notices:detail", pk)
    spec = spec_for(notice.notice_type)
    form = NoticeRequestForm(request.POST or None, request.FILES or None, spec=spec, notice=notice)
    saved = (
        request.method == "POST"
        and form.is_valid()
        and run_service(request, services.notice_update, notice=notice, actor=request.user, data=form.cleaned_data)
    )
    if saved:
        messages.success(request, _("The draft was saved."))
        return redirect("notices:detail", pk)
    return render(request, "notices/request_form.html", {"form": form, "spec": spec, "notice": notice})


@role_required(*NCB_ROLES)
def my_requests(request):
    """The requests of the user's NCB with their status."""
    form = RequestFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    notices = selectors.notice_requests_of_ncb(user=request.user, **filters)
    return render(request, "notices/my_requests.html", {"form": form, "page": page_of(request, notices)})


@role_required(*VIEW_ROLES)
def detail(request, pk: int):
    notice = selectors.notice_get(user=request.user, pk=pk)
    services.notice_view_record(record=notice, viewer=request.user, request=request)
    context = {
        "notice": notice,
        "spec": spec_for(notice.notice_type),
        "can": permissions.notice_actions(request.user, notice),
        "extension_opens_at": permissions.extension_opens_at(notice),
        "reasons_form": ReasonsForm(),
        "consent_form": PublicConsentForm(initial={"public_consent": notice.public_consent}),
    }
    return render(request, "notices/detail.html", context)


def _act(request, pk: int, service, done: str, **kwargs):
    notice = selectors.notice_get(user=request.user, pk=pk)
    if run_service(request, service, notice=notice, actor=request.user, **kwargs) is not None:
        messages.success(request, done)
    return redirect("notices:detail", pk)


@require_POST
@role_required(*NCB_ROLES)
def submit(request, pk: int):
    return _act(request, pk, services.notice_submit, _("The request was submitted to your NCB head."))


@require_POST
@role_required(*NCB_ROLES)
def approve(request, pk: int):
    return _act(request, pk, services.notice_approve, _("The request was sent for compliance review."))


def _with_reasons(request, pk: int, service, done: str):
    # The notice first: who may not see it gets a 404, not a redirect whatever the form holds.
    notice = selectors.notice_get(user=request.user, pk=pk)
    form = ReasonsForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Give the reasons."))
    elif (
        run_service(request, service, notice=notice, actor=request.user, reasons=form.cleaned_data["reasons"])
        is not None
    ):
        messages.success(request, done)
    return redirect("notices:detail", pk)


@require_POST
@role_required(*NCB_ROLES)
def return_to_draft(request, pk: int):
    return _with_reasons(request, pk, services.notice_return, _("The request was returned to a draft."))


@require_POST
@role_required(*VIEW_ROLES)
def cancel(request, pk: int):
    return _with_reasons(request, pk, services.notice_cancel, _("The request was cancelled."))


@require_POST
@role_required(*NCB_ROLES)
def extend(request, pk: int):
    return _with_reasons(request, pk, services.notice_extend, _("The notice was extended."))


@require_POST
@role_required(*NCB_ROLES)
def public_consent(request, pk: int):
    form = PublicConsentForm(request.POST)
    consent = form.is_valid() and form.cleaned_data["public_consent"]
    return _act(
        request,
        pk,
        services.notice_public_consent_set,
        _("Your choice on the public extract was saved."),
        consent=consent,
    )


@role_required(*VIEW_ROLES)
def translate(request, pk: int):
    """Add a translation of the request's free text into another official language."""
    notice = selectors.notice_get(user=request.user, pk=pk)
    form = TranslationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        texts = {name: value for name, value in data.items() if name != "language" and value}
        if run_service(
            request,
            services.notice_translation_add,
            notice=notice,
            actor=request.user,
            language=data["language"],
            texts=texts,
        ):
            messages.success(request, _("The translation was saved."))
            return redirect("notices:detail", pk)
    return render(request, "notices/translate.html", {"form": form, "notice": notice})
