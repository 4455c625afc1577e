"""Photos: uploaded by the owner, served only through the access policy (never from a public URL)."""

from django.contrib import messages
from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import redirect
from django.views.decorators.http import require_POST

from .. import selectors, services
from ..choices import Database
from ..forms import PhotoForm
from .access import database_or_404, owned_record_or_403, reader_required, writer_required


@writer_required
@require_POST
def photo_upload(request, database: str, pk: int):
    if database not in (Database.PERSONS, Database.ARTWORKS):
        raise Http404
    record = owned_record_or_403(request, database, pk)
    form = PhotoForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.photo_add(
                record=record,
                upload=form.cleaned_data["image"],
                actor=request.user,
                caption=form.cleaned_data["caption"],
                request=request,
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
    else:
        messages.error(request, " ".join(str(e) for errors in form.errors.values() for e in errors))
    return redirect("databases:record_detail", database, pk)


@reader_required
def photo(request, database: str, pk: int, photo_id: int, size: str):
    database_or_404(database)
    if size not in ("full", "thumb"):
        raise Http404
    try:
        picture = selectors.record_photo(viewer=request.user, database=database, record_id=pk, photo_id=photo_id)
    except ObjectDoesNotExist as error:
        raise Http404 from error
    stored = picture.image if size == "full" else picture.thumbnail
    response = FileResponse(stored.open("rb"), content_type="image/jpeg")
    # Private: never kept by a shared cache or a proxy.
    response["Cache-Control"] = "private, max-age=600"
    return response
