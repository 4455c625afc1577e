"""Pages of the training app: catalogue and enrolments for officers, endorsements and needs for NCB heads, the
coordinator's sessions and needs report, and the public certificate check. Views only parse, call and render."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ObjectDoesNotExist
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from ncb.permissions import role_required
from ncb.roles import NCB_ROLES, Role

from . import selectors, services
from .certificate_pdf import CertificateFontMissing
from .forms import (
    ApplyForm,
    AttendanceForm,
    CatalogueFilterForm,
    NeedsReportFilterForm,
    ReasonForm,
    SessionFilterForm,
    StatusFilterForm,
    TrainingNeedsForm,
    VerifyForm,
)
from .permissions import may_apply
from .services import TransitionRefused
from .throttle import allow

COORDINATOR = Role.TRAINING_COORDINATOR


def _page(request, items):
    return Paginator(items, settings.TRAINING_PAGE_SIZE).get_page(request.GET.get("page"))


def _or_404(selector, **kwargs):
    try:
        return selector(**kwargs)
    except ObjectDoesNotExist:
        raise Http404 from None


def _attempt(request, service, success: str = "", **kwargs):
    """Run a service; a refused transition becomes an error message instead of an error page."""
    try:
        result = service(**kwargs)
    except TransitionRefused as refusal:
        messages.error(request, str(refusal))
        return None
    if success:
        messages.success(request, success)
    return result


# --- catalogue (everyone signed in) ---------------------------------------------------------------------------


@login_required
def catalogue(request):
    form = CatalogueFilterForm(request.GET or None)
    courses = selectors.course_catalogue(**form.filters())
    return render(request, "training/catalogue.html", {"form": form, "page": _page(request, courses)})


@login_required
def course_detail(request, pk: int):
    course = _or_404(selectors.course_detail, pk=pk, viewer=request.user)
    return render(request, "training/course_detail.html", {"course": course})


@login_required
def session_detail(request, pk: int):
    session = _or_404(selectors.session_detail, pk=pk, viewer=request.user)
    enrolment = selectors.live_enrolment(participant=request.user, session=session)
    return render(
        request,
        "training/session_detail.html",
        {
            "session": session,
            "enrolment": enrolment,
            "form": ApplyForm(),
            "may_apply": enrolment is None and may_apply(request.user, session),
        },
    )


# --- officers -------------------------------------------------------------------------------------------------


@role_required(*NCB_ROLES)
@require_POST
def apply(request, pk: int):
    session = _or_404(selectors.session_detail, pk=pk, viewer=request.user)
    form = ApplyForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Keep the motivation under 2,000 characters."))
        return redirect("training_session", pk=pk)
    enrolment = _attempt(
        request,
        services.enrolment_apply,
        participant=request.user,
        session=session,
        motivation=form.cleaned_data["motivation"],
        success=_("Your application was sent to the head of your NCB for endorsement."),
    )
    if enrolment is None:
        return redirect("training_session", pk=pk)
    return redirect("training_my_enrolments")


@role_required(*NCB_ROLES)
def my_enrolments(request):
    form = StatusFilterForm(request.GET or None)
    status = form.cleaned_data["status"] if form.is_valid() else ""
    enrolments = selectors.enrolments_of(participant=request.user, status=status)
    return render(request, "training/my_enrolments.html", {"form": form, "page": _page(request, enrolments)})


@role_required(*NCB_ROLES)
@require_POST
def withdraw(request, pk: int):
    enrolment = _or_404(selectors.enrolment_of, participant=request.user, pk=pk)
    _attempt(
        request,
        services.enrolment_withdraw,
        participant=request.user,
        enrolment=enrolment,
        success=_("You withdrew your application."),
    )
    return redirect("training_my_enrolments")


@role_required(*NCB_ROLES)
def my_certificates(request):
    certificates = selectors.certificates_of(participant=request.user)
    return render(request, "training/my_certificates.html", {"page": _page(request, certificates)})


@login_required
def certificate_download(request, pk: int):
    certificate = _or_404(selectors.certificate_for_download, pk=pk)
    try:
        content = services.certificate_download(user=request.user, certificate=certificate, request=request)
    except CertificateFontMissing as missing:
        messages.error(
            request, _("The certificate cannot be produced on this server: {problem}").format(problem=missing)
        )
        return redirect("training_my_certificates")
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="certificate-{certificate.code}.pdf"'
    return response


# --- NCB heads ------------------------------------------------------------------------------------------------


@role_required(Role.NCB_HEAD)
def endorsements(request):
    pending = selectors.pending_endorsements(head=request.user)
    return render(request, "training/endorsements.html", {"page": _page(request, pending), "form": ReasonForm()})


@role_required(Role.NCB_HEAD)
@require_POST
def endorse(request, pk: int):
    enrolment = _or_404(selectors.enrolment_for_head, head=request.user, pk=pk)
    _attempt(
        request,
        services.enrolment_endorse,
        head=request.user,
        enrolment=enrolment,
        success=_("Endorsed: the application went to the training coordinator."),
    )
    return redirect("training_endorsements")


@role_required(Role.NCB_HEAD)
@require_POST
def decline(request, pk: int):
    enrolment = _or_404(selectors.enrolment_for_head, head=request.user, pk=pk)
    form = ReasonForm(request.POST)
    if form.is_valid():
        _attempt(
            request,
            services.enrolment_decline,
            head=request.user,
            enrolment=enrolment,
            reason=form.cleaned_data["reason"],
            success=_("The application was declined."),
        )
    else:
        messages.error(request, _("Give a reason."))
    return redirect("training_endorsements")


@role_required(Role.NCB_HEAD)
def ncb_enrolments(request):
    form = StatusFilterForm(request.GET or None)
    status = form.cleaned_data["status"] if form.is_valid() else ""
    enrolments = selectors.ncb_enrolments(head=request.user, status=status)
    return render(request, "training/ncb_enrolments.html", {"form": form, "page": _page(request, enrolments)})


@role_required(Role.NCB_HEAD)
def training_needs(request):
    form = TrainingNeedsForm(
        request.POST or None, topics=selectors.topics(), needs=selectors.needs_of(ncb_id=request.user.unit_id)
    )
    if request.method == "POST" and form.is_valid():
        services.training_needs_set(head=request.user, needs=form.needs())
        messages.success(request, _("Your NCB's training needs were saved."))
        return redirect("training_needs")
    return render(request, "training/needs_form.html", {"form": form})


# --- the training coordinator ---------------------------------------------------------------------------------


@role_required(COORDINATOR)
def coordinator_sessions(request):
    form = SessionFilterForm(request.GET or None)
    filters = {k: v for k, v in form.cleaned_data.items() if v} if form.is_valid() else {}
    sessions = selectors.coordinator_sessions(**filters)
    return render(request, "training/coordinator_sessions.html", {"form": form, "page": _page(request, sessions)})


@role_required(COORDINATOR)
def coordinator_session(request, pk: int):
    session = _or_404(selectors.session_detail, pk=pk, viewer=request.user)
    return render(
        request,
        "training/coordinator_session.html",
        {
            "session": session,
            "groups": selectors.session_applicants(session=session),
            "reason_form": ReasonForm(),
            "attendance_form": AttendanceForm(),
        },
    )


@role_required(COORDINATOR)
@require_POST
def session_cancel(request, pk: int):
    session = _or_404(selectors.session_detail, pk=pk, viewer=request.user)
    form = ReasonForm(request.POST)
    if form.is_valid():
        _attempt(
            request,
            services.session_cancel,
            coordinator=request.user,
            session=session,
            reason=form.cleaned_data["reason"],
            success=_("The session was cancelled; participants are told."),
        )
    else:
        messages.error(request, _("Give a reason."))
    return redirect("training_coordinator_session", pk=pk)


# Coordinator actions on one enrolment: service, form for extra input (or None), keyword the form's field feeds.
DECISIONS = {
    "accept": (services.enrolment_accept, None),
    "waitlist": (services.enrolment_waitlist, None),
    "reject": (services.enrolment_reject, ReasonForm),
    "cancel": (services.enrolment_cancel, ReasonForm),
    "attendance": (services.enrolment_attendance_record, AttendanceForm),
    "complete": (services.enrolment_complete, None),
    "not_completed": (services.enrolment_mark_not_completed, None),
}


@role_required(COORDINATOR)
@require_POST
def enrolment_decide(request, pk: int, action: str):
    service, form_class = DECISIONS[action]
    enrolment = _or_404(selectors.enrolment_for_coordinator, pk=pk)
    extra = {}
    if form_class is not None:
        form = form_class(request.POST)
        if not form.is_valid():
            messages.error(request, _("Check the form: {errors}").format(errors=form.errors.as_text()))
            return redirect("training_coordinator_session", pk=enrolment.session_id)
        extra = form.cleaned_data
    result = _attempt(request, service, coordinator=request.user, enrolment=enrolment, **extra)
    if result is not None:
        messages.success(
            request,
            _("{participant}: {status}.").format(
                participant=result.participant.get_full_name() or result.participant.username,
                status=result.get_status_display() if action != "attendance" else result.get_attendance_display(),
            ),
        )
    return redirect("training_coordinator_session", pk=enrolment.session_id)


@role_required(COORDINATOR)
def needs_report(request):
    form = NeedsReportFilterForm(request.GET or None)
    filters = {k: v for k, v in form.cleaned_data.items() if v} if form.is_valid() else {}
    rows = selectors.needs_report(**filters)
    regions = rows[0].cells if rows else []
    return render(request, "training/needs_report.html", {"form": form, "rows": rows, "regions": regions})


# --- public certificate check ---------------------------------------------------------------------------------


@never_cache
def certificate_verify(request, code: str = ""):
    """Public on purpose: anyone shown a certificate checks it here. Rate-limited; shows name, course, date and
    validity, nothing else."""
    code = code or request.GET.get("code", "")
    form = VerifyForm(initial={"code": code})
    context = {"form": form, "code": code, "checked": False}
    if code:
        if not allow(request, scope="certificate_verify", per_minute=settings.TRAINING_VERIFY_PER_MINUTE):
            return render(request, "training/certificate_verify.html", {**context, "throttled": True}, status=429)
        viewer = request.user if request.user.is_authenticated else None
        context["certificate"] = services.certificate_check(code=code, viewer=viewer, request=request)
        context["checked"] = True
        if context["certificate"] is None:
            return render(request, "training/certificate_verify.html", context, status=404)
    return render(request, "training/certificate_verify.html", context)
