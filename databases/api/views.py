"""REST API of the records of each database: list with filters, detail, create, update (owner only)."""

from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.http import Http404
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import mixins, viewsets
from rest_framework.permissions import SAFE_METHODS, BasePermission
from rest_framework.response import Response

from ncb.access import may_edit
from ncb.roles import CCC_ROLES, NCB_ROLES, Role, has_role

from .. import selectors, services
from ..choices import Database
from ..selectors import EXTRA_FILTERS
from . import serializers as s

READ_ROLES = (*NCB_ROLES, *CCC_ROLES, Role.NOTICES_REVIEWER)

SERIALIZERS = {
    Database.PERSONS: (s.PersonInput, s.PersonOutput),
    Database.TRAVEL_DOCUMENTS: (s.TravelDocumentInput, s.TravelDocumentOutput),
    Database.VEHICLES: (s.VehicleInput, s.VehicleOutput),
    Database.ARTWORKS: (s.ArtworkInput, s.ArtworkOutput),
    Database.FIREARMS: (s.FirearmInput, s.FirearmOutput),
}


class RecordPermission(BasePermission):
    """NCB officers and heads write (their own NCB's records); CCC and reviewers read."""

    def has_permission(self, request, view):
        user = request.user
        if not (user and user.is_authenticated):
            return False
        if request.method in SAFE_METHODS:
            return has_role(user, *READ_ROLES)
        return has_role(user, *NCB_ROLES) and (user.unit_id is not None or user.is_superuser)


def _split(data: dict) -> tuple[dict, dict]:
    related = {name: data.pop(name) for name in ("aliases", "documents", "nationalities") if name in data}
    return data, related


class _RecordViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    permission_classes = [RecordPermission]
    lookup_value_converter = "int"
    database = ""

    def get_queryset(self):
        filters = self.request.query_params.dict() if self.action == "list" else {}
        return selectors.record_list(viewer=self.request.user, database=self.database, filters=filters)

    def get_object(self):
        try:
            return selectors.record_get(viewer=self.request.user, database=self.database, pk=int(self.kwargs["pk"]))
        except (ObjectDoesNotExist, ValueError) as error:
            raise Http404 from error

    def get_serializer_class(self):
        return SERIALIZERS[self.database][1]

    def retrieve(self, request, *args, **kwargs):
        record = self.get_object()
        services.record_viewed(record=record, actor=request.user, request=request)
        return Response(self.get_serializer(record).data)

    def create(self, request, *args, **kwargs):
        input_class, output_class = SERIALIZERS[self.database]
        form = input_class(data=request.data)
        form.is_valid(raise_exception=True)
        data, related = _split(dict(form.validated_data))
        record = services.record_create(
            database=self.database, owner=request.user.unit, actor=request.user, data=data, request=request, **related
        )
        return Response(
            output_class(selectors.record_get(viewer=request.user, database=self.database, pk=record.pk)).data,
            status=201,
        )

    def update(self, request, *args, **kwargs):
        record = self.get_object()
        if not may_edit(record=record, user=request.user):
            raise PermissionDenied
        input_class, output_class = SERIALIZERS[self.database]
        form = input_class(instance=record, data=request.data, partial=kwargs.get("partial", False))
        form.is_valid(raise_exception=True)
        data, related = _split(dict(form.validated_data))
        services.record_update(record=record, actor=request.user, data=data, request=request, **related)
        return Response(
            output_class(selectors.record_get(viewer=request.user, database=self.database, pk=record.pk)).data
        )

    def partial_update(self, request, *args, **kwargs):
        return self.update(request, *args, partial=True, **kwargs)


def _list_parameters(database: str) -> list[OpenApiParameter]:
    names = {
        "q": "text: reference, name or identifier (OCR confusions allowed)",
        "status": "record status",
        "owner": "owner's country, ISO alpha-2",
        "mine": "1: only my NCB's records",
        "review": "due or overdue",
    }
    names.update({column: column.replace("_", " ") for column in EXTRA_FILTERS[database]})
    return [
        OpenApiParameter(name, str, OpenApiParameter.QUERY, required=False, description=text)
        for name, text in names.items()
    ]


def record_viewset(database: str) -> type[_RecordViewSet]:
    """The API view set of one database, with its schema (tags, filters, input and output bodies)."""
    input_class, output_class = SERIALIZERS[database]
    name = "".join(part.title() for part in database.split("-"))
    body = {"request": input_class, "responses": output_class, "tags": [database]}
    viewset = type(f"{name}ViewSet", (_RecordViewSet,), {"database": database, "__doc__": f"Records of {database}."})
    return extend_schema_view(
        list=extend_schema(parameters=_list_parameters(database), responses=output_class(many=True), tags=[database]),
        retrieve=extend_schema(responses=output_class, tags=[database]),
        create=extend_schema(**body),
        update=extend_schema(**body),
        partial_update=extend_schema(**body),
    )(viewset)
