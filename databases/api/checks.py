"""Real-time check endpoints for NCB systems: the hot path (token auth, one indexed query, one audit row).

The answer is built as plain dicts by the service; the serializers here only describe it in the schema
(running DRF serializers on every check cost about a tenth of the time, see docs/benchmarks.md).
"""

from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import status
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from rest_framework.views import APIView

from ncb.api.permissions import role_permission
from ncb.roles import CCC_ROLES, NCB_ROLES

from .. import services
from .serializers import BatchAnswer, BatchRequest, CheckAnswer

CHECK_ROLES = (*NCB_ROLES, *CCC_ROLES)


class _CheckView(APIView):
    permission_classes = [role_permission(*CHECK_ROLES)]
    renderer_classes = [JSONRenderer]
    check_type = ""
    fields: tuple[str, ...] = ()

    def get(self, request):
        data = {name: request.query_params.get(name, "") for name in self.fields}
        result = services.check(check_type=self.check_type, data=data, user=request.user, request=request)
        code = status.HTTP_400_BAD_REQUEST if result.error else status.HTTP_200_OK
        return Response(result.as_dict(), status=code)


def _parameter(name: str, description: str) -> OpenApiParameter:
    return OpenApiParameter(name, str, OpenApiParameter.QUERY, required=False, description=description)


@extend_schema(
    summary="Check a travel document",
    responses={200: CheckAnswer, 400: CheckAnswer},
    tags=["checks"],
    parameters=[
        _parameter("number", "document number as printed or read (separators allowed)"),
        _parameter("country", "issuing country, ISO alpha-2 or alpha-3 (or ICAO code); optional"),
    ],
)
class TravelDocumentCheck(_CheckView):
    """Is this travel document recorded as stolen, lost or revoked?"""

    check_type, fields = "travel-document", ("number", "country")


@extend_schema(
    summary="Check a motor vehicle",
    responses={200: CheckAnswer, 400: CheckAnswer},
    tags=["checks"],
    parameters=[
        _parameter("vin", "vehicle identification number"),
        _parameter("plate", "registration plate (with `country`)"),
        _parameter("country", "country of the plate, ISO alpha-2 or alpha-3"),
    ],
)
class VehicleCheck(_CheckView):
    """Is this vehicle (by VIN, or by plate and country) recorded as stolen?"""

    check_type, fields = "vehicle", ("vin", "plate", "country")


@extend_schema(
    summary="Check a firearm",
    responses={200: CheckAnswer, 400: CheckAnswer},
    tags=["checks"],
    parameters=[_parameter("serial", "serial number"), _parameter("make", "make (manufacturer); optional")],
)
class FirearmCheck(_CheckView):
    """Is this firearm recorded as stolen, lost or missing?"""

    check_type, fields = "firearm", ("serial", "make")


class BatchCheck(APIView):
    """Check up to 1,000 travel documents, vehicles and firearms in one call; answers keep the items' order."""

    permission_classes = [role_permission(*CHECK_ROLES)]
    renderer_classes = [JSONRenderer]

    @extend_schema(
        summary="Check many identifiers", request=BatchRequest, responses={200: BatchAnswer}, tags=["checks"]
    )
    def post(self, request):
        items = request.data.get("items") if isinstance(request.data, dict) else request.data
        if not isinstance(items, list) or not all(isinstance(item, dict) for item in items):
            return Response(
                {"detail": _('Send {"items": [...]}, a list of objects.')}, status=status.HTTP_400_BAD_REQUEST
            )
        if len(items) > settings.CHECK_BATCH_MAX_ITEMS:
            return Response(
                {
                    "detail": ngettext(
                        "At most {max} item per call.", "At most {max} items per call.", settings.CHECK_BATCH_MAX_ITEMS
                    ).format(max=settings.CHECK_BATCH_MAX_ITEMS)
                },
                status=status.HTTP_400_BAD_REQUEST,
            )
        results = services.check_batch(items=items, user=request.user, request=request)
        return Response({"results": [result.as_dict() for result in results]})
