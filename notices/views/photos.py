"""Photos, served only through views that check the reader may see them (never straight from MEDIA_ROOT)."""

from django.http import FileResponse, Http404
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from ncb.permissions import role_required

from .. import selectors
from .common import VIEW_ROLES


def photo_response(record) -> FileResponse:
    if not record.photo:
        raise Http404
    try:
        handle = record.photo.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    response = FileResponse(handle, content_type=_content_type(record.photo.name))
    response["X-Content-Type-Options"] = "nosniff"
    return response


def _content_type(name: str) -> str:
    return "image/png" if name.lower().endswith(".png") else "image/jpeg"


@require_GET
@role_required(*VIEW_ROLES)
@cache_control(private=True, max_age=300)
def notice_photo(request, pk: int):
    return photo_response(selectors.notice_get(user=request.user, pk=pk))


@require_GET
@role_required(*VIEW_ROLES)
@cache_control(private=True, max_age=300)
def diffusion_photo(request, pk: int):
    return photo_response(selectors.diffusion_get(user=request.user, pk=pk))
