"""Upload page for bulk imports, run by a Celery worker; the job page polls its progress (htmx)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from .. import selectors
from ..forms import ImportForm
from ..imports.jobs import import_job_create
from ..imports.readers import ImportFileError
from .access import writer_required


@writer_required
def import_upload(request):
    if request.user.unit_id is None:
        raise PermissionDenied
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            job = import_job_create(
                database=form.cleaned_data["database"],
                owner=request.user.unit,
                upload=form.cleaned_data["file"],
                actor=request.user,
            )
        except ImportFileError as error:
            form.add_error("file", str(error))
        else:
            messages.success(request, _("The file was received; the import runs in the background."))
            return redirect("databases:import_detail", job.pk)
    jobs = selectors.import_jobs_for_unit(viewer=request.user)[:20]
    return render(request, "databases/imports.html", {"form": form, "jobs": jobs})


@writer_required
def import_detail(request, pk: int):
    job = get_object_or_404(selectors.import_jobs_for_unit(viewer=request.user), pk=pk)
    template = "databases/_import_progress.html" if request.headers.get("HX-Request") else "databases/import.html"
    return render(request, template, {"job": job})
