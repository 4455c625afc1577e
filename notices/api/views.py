"""The NCB systems' API for notices and diffusions: lists, details, new requests and diffusions."""

from drf_spectacular.utils import extend_schema
from rest_framework import generics, status
from rest_framework.response import Response
from rest_framework.views import APIView

from ncb.api.permissions import role_permission

from .. import selectors, services
from ..permissions import VIEW_ROLES
from .filters import DiffusionFilter, NoticeFilter
from .serializers import (
    DiffusionInputSerializer,
    DiffusionSerializer,
    NoticeInputSerializer,
    NoticeListSerializer,
    NoticeSerializer,
)


class _Audited:
    """Lists record the caller's filters and the number of results in the audit trail."""

    audit_action = ""

    def list(self, request, *args, **kwargs):
        response = super().list(request, *args, **kwargs)
        count = response.data.get("count", 0) if isinstance(response.data, dict) else len(response.data)
        services.notice_search_record(
            viewer=request.user,
            query=dict(request.query_params.items()),
            count=count,
            action=self.audit_action,
            request=request,
        )
        return response


class NoticeListCreateView(_Audited, generics.ListAPIView):
    """Notices the caller may see (its NCB's requests, published notices); POST starts a request as a draft."""

    permission_classes = [role_permission(*VIEW_ROLES)]
    serializer_class = NoticeListSerializer
    filterset_class = NoticeFilter
    audit_action = "notice.api_list"

    def get_queryset(self):
        return selectors.notice_api_list(user=self.request.user)

    @extend_schema(request=NoticeInputSerializer, responses={201: NoticeSerializer})
    def post(self, request):
        data = NoticeInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = dict(data.validated_data)
        notice = services.notice_create(
            actor=request.user, notice_type=values.pop("notice_type"), data=values, request=request
        )
        notice = selectors.notice_get(user=request.user, pk=notice.pk)
        return Response(NoticeSerializer(notice, context={"request": request}).data, status=status.HTTP_201_CREATED)


class NoticeDetailView(APIView):
    permission_classes = [role_permission(*VIEW_ROLES)]

    @extend_schema(responses=NoticeSerializer)
    def get(self, request, pk: int):
        notice = selectors.notice_get(user=request.user, pk=pk)
        services.notice_view_record(record=notice, viewer=request.user, request=request)
        return Response(NoticeSerializer(notice, context={"request": request}).data)


class NoticeSubmitView(APIView):
    """Submit a draft to the NCB head; 400 with the completeness check's reasons when it falls short."""

    permission_classes = [role_permission(*VIEW_ROLES)]

    @extend_schema(request=None, responses=NoticeSerializer)
    def post(self, request, pk: int):
        notice = selectors.notice_get(user=request.user, pk=pk)
        services.notice_submit(notice=notice, actor=request.user, request=request)
        notice = selectors.notice_get(user=request.user, pk=pk)
        return Response(NoticeSerializer(notice, context={"request": request}).data)


class DiffusionListCreateView(_Audited, generics.ListAPIView):
    """Diffusions sent by the caller's NCB or addressed to it; POST sends one at once."""

    permission_classes = [role_permission(*VIEW_ROLES)]
    serializer_class = DiffusionSerializer
    filterset_class = DiffusionFilter
    audit_action = "diffusion.api_list"

    def get_queryset(self):
        return selectors.diffusion_list(user=self.request.user)

    @extend_schema(request=DiffusionInputSerializer, responses={201: DiffusionSerializer})
    def post(self, request):
        data = DiffusionInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = dict(data.validated_data)
        countries = None if values.pop("to_all") else values.pop("countries")
        values.pop("countries", None)
        diffusion = services.diffusion_send(
            actor=request.user,
            diffusion_type=values.pop("diffusion_type"),
            data=values,
            countries=countries,
            request=request,
        )
        diffusion = selectors.diffusion_get(user=request.user, pk=diffusion.pk)
        return Response(
            DiffusionSerializer(diffusion, context={"request": request}).data, status=status.HTTP_201_CREATED
        )


class DiffusionDetailView(APIView):
    permission_classes = [role_permission(*VIEW_ROLES)]

    @extend_schema(responses=DiffusionSerializer)
    def get(self, request, pk: int):
        diffusion = selectors.diffusion_get(user=request.user, pk=pk)
        services.notice_view_record(record=diffusion, viewer=request.user, request=request)
        return Response(DiffusionSerializer(diffusion, context={"request": request}).data)
