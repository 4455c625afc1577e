"""The CCC API for NCB systems: their NCB's cases, and their own thread's messages only."""

from django.http import FileResponse
from drf_spectacular.utils import extend_schema
from rest_framework import generics, status
from rest_framework.parsers import FormParser, JSONParser, MultiPartParser
from rest_framework.response import Response
from rest_framework.views import APIView

from ncb.api.permissions import role_permission
from ncb.roles import NCB_ROLES
from ncb.services import audit_record

from .. import selectors, services
from ..choices import CaseSource
from ..models import Case
from .filters import CaseFilter
from .serializers import (
    CaseDetailSerializer,
    CaseRequestSerializer,
    CaseSerializer,
    MessageCreateSerializer,
    MessageSerializer,
)

NcbOnly = role_permission(*NCB_ROLES)


class CaseListView(generics.ListAPIView):
    """Cases concerning the caller's NCB, newest first; open an urgent request with POST."""

    permission_classes = [NcbOnly]
    serializer_class = CaseSerializer
    filterset_class = CaseFilter

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # schema generation has no caller
            return Case.objects.none()
        return selectors.ncb_cases(viewer=self.request.user)

    def list(self, request, *args, **kwargs):
        audit_record(
            actor=request.user, action="ccc.api.case_list", query=dict(request.query_params.items()), request=request
        )
        return super().list(request, *args, **kwargs)

    @extend_schema(request=CaseRequestSerializer, responses={201: CaseDetailSerializer})
    def post(self, request):
        data = _valid(CaseRequestSerializer, request)
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
            return Response({"detail": str(refusal)}, status=status.HTTP_400_BAD_REQUEST)
        case = selectors.ncb_cases(viewer=request.user).get(pk=case.pk)
        return Response(CaseDetailSerializer(case).data, status=status.HTTP_201_CREATED)


class CaseDetailView(generics.RetrieveAPIView):
    """One case concerning the caller's NCB (404 for any other)."""

    permission_classes = [NcbOnly]
    serializer_class = CaseDetailSerializer

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # schema generation has no caller
            return Case.objects.none()
        return selectors.ncb_cases(viewer=self.request.user)

    def retrieve(self, request, *args, **kwargs):
        case = self.get_object()
        audit_record(actor=request.user, action="ccc.case.view", target=case, request=request)
        return Response(self.get_serializer(case).data)


def _valid(serializer_class, request) -> dict:
    serializer = serializer_class(data=request.data)
    serializer.is_valid(raise_exception=True)
    return serializer.validated_data


class CaseMessagesView(generics.GenericAPIView):
    """The messages of the caller's NCB's thread on a case; POST answers the CCC (JSON or multipart)."""

    permission_classes = [NcbOnly]
    serializer_class = MessageSerializer
    parser_classes = [JSONParser, MultiPartParser, FormParser]

    def get(self, request, pk: int):
        thread = selectors.ncb_thread(viewer=request.user, case_id=pk)
        audit_record(actor=request.user, action="ccc.api.messages", target=thread.case, request=request)
        page = self.paginate_queryset(selectors.thread_messages(thread=thread))
        return self.get_paginated_response(MessageSerializer(page, many=True).data)

    @extend_schema(request=MessageCreateSerializer, responses={201: MessageSerializer})
    def post(self, request, pk: int):
        thread = selectors.ncb_thread(viewer=request.user, case_id=pk)
        data = _valid(MessageCreateSerializer, request)
        try:
            message = services.message_send(
                thread=thread,
                author=request.user,
                body=data["body"],
                language=data["language"],
                from_ccc=False,
                files=data["attachments"],
            )
        except services.CaseActionError as refusal:
            return Response({"detail": str(refusal)}, status=status.HTTP_409_CONFLICT)
        message = selectors.thread_messages(thread=thread).get(pk=message.pk)
        return Response(MessageSerializer(message).data, status=status.HTTP_201_CREATED)


class AttachmentContentView(APIView):
    """Download an attachment of the caller's NCB's threads."""

    permission_classes = [NcbOnly]

    @extend_schema(responses={(200, "application/octet-stream"): bytes})
    def get(self, request, pk: int):
        attachment = selectors.attachment_for(viewer=request.user, pk=pk)
        audit_record(actor=request.user, action="ccc.attachment.download", target=attachment, request=request)
        response = FileResponse(
            attachment.file.open("rb"),
            as_attachment=True,
            filename=attachment.name,
            content_type=attachment.content_type,
        )
        response["X-Content-Type-Options"] = "nosniff"
        return response
