"""The public site: published Red, Yellow and UN notices whose requesting NCB agreed, read from their extracts."""

from django.http import Http404
from django.shortcuts import render
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from .. import selectors
from ..choices import PUBLIC_TYPES, NoticeType
from ..forms import PublicSearchForm
from .common import page_of
from .photos import photo_response


@require_GET
def public_list(request):
    form = PublicSearchForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    notice_type = filters.pop("notice_type", "") or NoticeType.RED
    extracts = selectors.public_extracts(notice_type=notice_type, **filters)
    context = {
        "form": form,
        "page": page_of(request, extracts, 24),
        "notice_type": NoticeType(notice_type),
        "public_types": PUBLIC_TYPES,
    }
    return render(request, "notices/public_list.html", context)


def _entity_id(url_id: str) -> str:
    return url_id.replace("-", "/", 1)


@require_GET
def public_detail(request, notice_type: str, url_id: str):
    if notice_type not in PUBLIC_TYPES:
        raise Http404
    extract = selectors.public_extract_get(notice_type=notice_type, entity_id=_entity_id(url_id))
    return render(request, "notices/public_detail.html", {"extract": extract})


@require_GET
@cache_control(public=True, max_age=600)
def public_photo(request, url_id: str):
    """A published notice's photo, only while its public extract exists and shows the photo."""
    extract = selectors.public_extract_with_photo(entity_id=_entity_id(url_id))
    return photo_response(extract.notice)
