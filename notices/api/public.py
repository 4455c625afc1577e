"""The public notices API: unauthenticated, rate-limited per address, read-only, public extracts only."""

from urllib.parse import urlencode

from django.urls import reverse
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from ncb.api.throttling import PublicRateThrottle

from .. import selectors
from .public_serializers import PublicImagesSerializer, PublicNoticeSummarySerializer, PublicQuerySerializer


class _PublicView(APIView):
    authentication_classes: list = []
    permission_classes = [AllowAny]
    throttle_classes = [PublicRateThrottle]
    notice_type = ""
    # Set per notice type in public_urls (each type has its own fields); also what the OpenAPI schema shows.
    serializer_class = None


# What the list answers: the page's notices inside a HAL envelope, as INTERPOL's public API does.
PUBLIC_LIST = inline_serializer(
    "PublicNoticeList",
    {
        "total": serializers.IntegerField(),
        "query": serializers.DictField(),
        "_embedded": inline_serializer(
            "PublicNoticeListEmbedded", {"notices": PublicNoticeSummarySerializer(many=True)}
        ),
        "_links": serializers.DictField(),
    },
)


class _ListSchema(AutoSchema):
    """The list answers one envelope object, not an array: name its operation a list all the same."""

    def get_operation_id(self):
        return super().get_operation_id().replace("_retrieve", "_list")


class PublicNoticeListView(_PublicView):
    """Published notices of one type, filtered and paged as INTERPOL's public API does."""

    schema = _ListSchema()

    @extend_schema(parameters=[PublicQuerySerializer], responses=PUBLIC_LIST)
    def get(self, request):
        query = PublicQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        extracts = selectors.public_extracts(notice_type=self.notice_type, **query.selector_filters())
        page, per_page = query.validated_data["page"], query.validated_data["resultPerPage"]
        total = extracts.count()
        items = extracts[(page - 1) * per_page : page * per_page]
        notices = PublicNoticeSummarySerializer(items, many=True, context={"request": request}).data
        return Response(
            {
                "total": total,
                "query": dict(query.validated_data),
                "_embedded": {"notices": notices},
                "_links": self._links(request, query.validated_data, page, per_page, total),
            }
        )

    def _links(self, request, params: dict, page: int, per_page: int, total: int) -> dict:
        base = request.build_absolute_uri(reverse(f"public_notices_api_{self.notice_type}_list"))
        last = max(1, -(-total // per_page))

        def href(number: int) -> dict:
            return {"href": f"{base}?{urlencode({**params, 'page': number})}"}

        links = {"self": href(page), "first": href(1), "last": href(last)}
        if page > 1:
            links["previous"] = href(page - 1)
        if page < last:
            links["next"] = href(page + 1)
        return links


class PublicNoticeDetailView(_PublicView):
    """One published notice's public extract; 404 for anything else."""

    def get(self, request, url_id: str):
        extract = selectors.public_extract_get(notice_type=self.notice_type, entity_id=url_id.replace("-", "/", 1))
        serializer = self.serializer_class(extract, context={"request": request})
        return Response(serializer.data)


class PublicNoticeImagesView(_PublicView):
    """The pictures of a public notice (the photo, when the NCB published one)."""

    serializer_class = PublicImagesSerializer

    def get(self, request, url_id: str):
        extract = selectors.public_extract_get(notice_type=self.notice_type, entity_id=url_id.replace("-", "/", 1))
        images = []
        if extract.has_photo:
            href = request.build_absolute_uri(reverse("public_notice_photo", args=[extract.url_id]))
            images.append({"picture_id": extract.url_id, "_links": {"self": {"href": href}}})
        detail = reverse(f"public_notices_api_{self.notice_type}_detail", args=[extract.url_id])
        return Response(
            {
                "_embedded": {"images": images},
                "_links": {
                    "self": {"href": request.build_absolute_uri()},
                    "notice": {"href": request.build_absolute_uri(detail)},
                },
            }
        )
