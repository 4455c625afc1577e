"""Screening pages: one person in real time; passenger lists screened in the background, with progress."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ..screening.forms import PassengerListForm, PersonScreeningForm
from ..screening.jobs import ScreeningListError, passengers_from_upload, screening_job_cancel, screening_job_create
from ..screening.jobs import screening_job_csv as job_csv
from ..screening.selectors import screening_job_rows, screening_jobs_for_unit
from ..services.screening import ScreeningInputError, person_screen
from .access import writer_required


@writer_required
def screening_view(request):
    form = PersonScreeningForm(request.GET or None)
    candidates = None
    if form.is_valid():
        try:
            candidates = person_screen(viewer=request.user, request=request, **form.cleaned_data)
        except ScreeningInputError as error:
            form.add_error(error.field if error.field in form.fields else None, error.message)
    return render(request, "databases/screening.html", {"form": form, "candidates": candidates})


@writer_required
def screening_jobs_view(request):
    if request.user.unit_id is None:
        raise PermissionDenied
    form = PassengerListForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            job = screening_job_create(
                owner=request.user.unit,
                actor=request.user,
                passengers=passengers_from_upload(upload),
                name=upload.name,
                request=request,
            )
        except ScreeningListError as error:
            form.add_error("file", str(error))
        else:
            messages.success(request, _("The list was received; it is screened in the background."))
            return redirect("databases:screening_job", job.pk)
    jobs = screening_jobs_for_unit(viewer=request.user)[:20]
    return render(request, "databases/screening_jobs.html", {"form": form, "jobs": jobs})


@writer_required
def screening_job_view(request, pk: int):
    job = get_object_or_404(screening_jobs_for_unit(viewer=request.user), pk=pk)
    if request.headers.get("HX-Request"):
        response = render(request, "databases/_screening_progress.html", {"job": job})
        if not job.is_active:
            # Finished or cancelled while the page polled: reload it for the results (and without the cancel button).
            response["HX-Refresh"] = "true"
        return response
    rows = screening_job_rows(job=job, matched_only=True)[:500]
    return render(request, "databases/screening_job.html", {"job": job, "rows": rows})


@writer_required
@require_POST
def screening_job_cancel_view(request, pk: int):
    job = get_object_or_404(screening_jobs_for_unit(viewer=request.user), pk=pk)
    screening_job_cancel(job=job, actor=request.user, request=request)
    messages.info(request, _("The screening was cancelled."))
    return redirect("databases:screening_job", job.pk)


@writer_required
def screening_job_export(request, pk: int):
    job = get_object_or_404(screening_jobs_for_unit(viewer=request.user), pk=pk)
    from ncb.services import audit_record

    audit_record(actor=request.user, action="screening.job.export", target=job, request=request)
    response = StreamingHttpResponse(
        job_csv(job=job, rows=screening_job_rows(job=job).iterator()), content_type="text/csv"
    )
    response["Content-Disposition"] = f'attachment; filename="screening-{job.pk}.csv"'
    return response
