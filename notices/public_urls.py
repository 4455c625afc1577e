"""Public URLs without a language prefix, mounted at /public/: the public notices API and published photos.

Every name starts with "public": the URL walker test treats those as public on purpose.
"""

from django.urls import re_path

from .api.public import PublicNoticeDetailView, PublicNoticeImagesView, PublicNoticeListView
from .api.public_serializers import DETAIL_SERIALIZERS
from .choices import PUBLIC_TYPES
from .views.public import public_photo

ENTITY = r"(?P<url_id>\d{4}-\d{5,})"

urlpatterns = [re_path(rf"^notices/photos/{ENTITY}$", public_photo, name="public_notice_photo")]
for _type in PUBLIC_TYPES:
    urlpatterns += [
        re_path(
            rf"^api/notices/v1/{_type.value}$",
            PublicNoticeListView.as_view(notice_type=_type.value),
            name=f"public_notices_api_{_type.value}_list",
        ),
        re_path(
            rf"^api/notices/v1/{_type.value}/{ENTITY}$",
            PublicNoticeDetailView.as_view(notice_type=_type.value, serializer_class=DETAIL_SERIALIZERS[_type.value]),
            name=f"public_notices_api_{_type.value}_detail",
        ),
        re_path(
            rf"^api/notices/v1/{_type.value}/{ENTITY}/images$",
            PublicNoticeImagesView.as_view(notice_type=_type.value),
            name=f"public_notices_api_{_type.value}_images",
        ),
    ]
