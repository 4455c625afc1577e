"""Pages for NCB officers: their NCB's cases, their own thread on each, and urgent requests to the CCC."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from ncb.permissions import role_required
from ncb.roles import NCB_ROLES
from ncb.services import audit_record

from .. import selectors, services
from ..choices import CaseSource, CaseStatus
from ..forms import MessageForm, UrgentRequestForm


@role_required(*NCB_ROLES)
def ncb_cases(request):
    status = request.GET.get("status", "")
    status = status if status in CaseStatus.values else ""
    cases = selectors.ncb_cases(viewer=request.user, status=status)
    page = Paginator(cases, 25).get_page(request.GET.get("page"))
    context = {
        "page": page,
        "status": status,
        "statuses": CaseStatus.choices,
        "viewer_tz": request.user.effective_time_zone,
    }
    return render(request, "ccc/ncb_cases.html", context)


@role_required(*NCB_ROLES)
def ncb_case_detail(request, pk: int):
    thread = selectors.ncb_thread(viewer=request.user, case_id=pk)
    form = MessageForm(request.POST or None, request.FILES or None, initial={"language": thread.case.language})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.message_send(
                thread=thread,
                author=request.user,
                body=data["body"],
                language=data["language"],
                from_ccc=False,
                files=data["attachments"],
            )
            messages.success(request, _("Your message was sent to the CCC."))
            return redirect("ccc:ncb_case_detail", pk=pk)
        except services.CaseActionError as refusal:
            messages.error(request, str(refusal))
    if request.method == "GET":
        audit_record(actor=request.user, action="ccc.case.view", target=thread.case, request=request)
    context = {
        "thread": thread,
        "case": thread.case,
        "thread_messages": selectors.thread_messages(thread=thread),
        "form": form,
        "viewer_tz": request.user.effective_time_zone,
    }
    return render(request, "ccc/ncb_case_detail.html", context, status=400 if form.errors else 200)


@role_required(*NCB_ROLES)
def urgent_request(request):
    form = UrgentRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            case = services.case_open(
                source=CaseSource.NCB_REQUEST,
                summary=data["summary"],
                details=data["details"],
                priority=data["priority"],
                language=data["language"],
                ncbs=[request.user.unit],
                opened_by=request.user,
                first_message=data["details"],
            )
        except services.CaseActionError as refusal:
            messages.error(request, str(refusal))
        else:
            messages.success(
                request, _("Your request was sent to the CCC as case {reference}.").format(reference=case.reference)
            )
            return redirect("ccc:ncb_case_detail", pk=case.pk)
    return render(request, "ccc/urgent_request.html", {"form": form})
