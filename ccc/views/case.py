"""A case as CCC staff see it (every thread), and the actions on it."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ncb.permissions import role_required
from ncb.roles import CCC_ROLES
from ncb.services import audit_record

from .. import selectors, services
from ..forms import CccMessageForm, HandOverNoteForm, NcbAddForm, ResolveForm
from ..models import Thread


def _detail(request, case, *, bound_thread_id=None, bound_form=None, status=200):
    threads = list(selectors.case_threads(case=case))
    for thread in threads:
        if thread.pk == bound_thread_id:
            thread.form = bound_form
        else:
            thread.form = CccMessageForm(prefix=f"t{thread.pk}", initial={"language": case.language})
    context = {
        "case": case,
        "threads": threads,
        "resolve_form": ResolveForm(),
        "note_form": HandOverNoteForm(initial={"handover_note": case.handover_note}),
        "ncb_form": NcbAddForm(),
        "viewer_tz": request.user.effective_time_zone,
    }
    return render(request, "ccc/case_detail.html", context, status=status)


@role_required(*CCC_ROLES)
def case_detail(request, pk: int):
    case = selectors.case_for_ccc(pk=pk)
    audit_record(actor=request.user, action="ccc.case.view", target=case, request=request)
    return _detail(request, case)


def _back(request, case):
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return redirect(target)
    return redirect("ccc:case_detail", pk=case.pk)


@require_POST
@role_required(*CCC_ROLES)
def case_claim(request, pk: int):
    case = selectors.case_for_ccc(pk=pk)
    try:
        services.case_claim(case_id=case.pk, officer=request.user)
        messages.success(request, _("You claimed case {reference}.").format(reference=case.reference))
        return redirect("ccc:case_detail", pk=case.pk)
    except services.CaseActionError as refusal:
        messages.error(request, str(refusal))
        return _back(request, case)


def _act(request, pk: int, action, success: str):
    case = selectors.case_for_ccc(pk=pk)
    try:
        action(case)
        messages.success(request, success.format(reference=case.reference))
    except services.CaseActionError as refusal:
        messages.error(request, str(refusal))
    return _back(request, case)


@require_POST
@role_required(*CCC_ROLES)
def case_release(request, pk: int):
    return _act(
        request,
        pk,
        lambda case: services.case_release(case=case, actor=request.user),
        _("Case {reference} is back in the queue."),
    )


@require_POST
@role_required(*CCC_ROLES)
def case_resolve(request, pk: int):
    form = ResolveForm(request.POST)
    resolution = form.cleaned_data["resolution"] if form.is_valid() else ""
    return _act(
        request,
        pk,
        lambda case: services.case_resolve(case=case, actor=request.user, resolution=resolution),
        _("Case {reference} was resolved."),
    )


@require_POST
@role_required(*CCC_ROLES)
def case_close(request, pk: int):
    return _act(
        request, pk, lambda case: services.case_close(case=case, actor=request.user), _("Case {reference} was closed.")
    )


@require_POST
@role_required(*CCC_ROLES)
def case_note(request, pk: int):
    form = HandOverNoteForm(request.POST)
    note = form.cleaned_data["handover_note"] if form.is_valid() else ""
    return _act(
        request,
        pk,
        lambda case: services.case_note_update(case=case, actor=request.user, note=note),
        _("The hand-over note of case {reference} was saved."),
    )


@require_POST
@role_required(*CCC_ROLES)
def case_ncb_add(request, pk: int):
    form = NcbAddForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose an NCB."))
        return redirect("ccc:case_detail", pk=pk)
    return _act(
        request,
        pk,
        lambda case: services.case_ncb_add(case=case, actor=request.user, ncb=form.cleaned_data["ncb"]),
        _("The NCB was added to case {reference}."),
    )


@require_POST
@role_required(*CCC_ROLES)
def case_message(request, pk: int, thread_id: int):
    case = selectors.case_for_ccc(pk=pk)
    thread = get_object_or_404(Thread.objects.select_related("ncb"), pk=thread_id, case=case)
    form = CccMessageForm(request.POST, request.FILES, prefix=f"t{thread.pk}")
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.message_send(
                thread=thread,
                author=request.user,
                body=data["body"],
                language=data["language"],
                from_ccc=True,
                files=data["attachments"],
                awaiting_reply=data["awaiting_reply"],
            )
            messages.success(request, _("Your message was sent."))
            return redirect("ccc:case_detail", pk=case.pk)
        except services.CaseActionError as refusal:
            messages.error(request, str(refusal))
    return _detail(request, case, bound_thread_id=thread.pk, bound_form=form, status=400)
