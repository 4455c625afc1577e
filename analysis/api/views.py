"""The link chart for national analysis tools: nodes and edges as JSON, with the caller's access applied."""

from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import status
from rest_framework.response import Response
from rest_framework.views import APIView

from ncb.api.permissions import role_permission

from .. import services
from ..choices import START_KINDS
from ..forms import GraphForm
from ..permissions import ANALYSIS_ROLES
from ..selectors import StartNotFound
from .serializers import ErrorOutput, GraphOutput


class GraphView(APIView):
    """Items connected to one person, document, vehicle, firearm, work of art, notice or case."""

    permission_classes = [role_permission(*ANALYSIS_ROLES)]

    @extend_schema(
        summary="Link chart from one item",
        description=(
            "Expands the connections of an item level by level: hits between records, shared identifiers "
            "(document numbers, VINs, plates, serial numbers), shared places, notices about a person, CCC cases, "
            "the same modus operandi. Items the caller may not see are never returned, nor the links through them. "
            "The expansion stops at `limit` items (at most ANALYSIS_GRAPH_MAX_NODES) and then answers "
            "`truncated: true` with a message; shared values (hubs) come on top of the limit. Every call is audited."
        ),
        tags=["analysis"],
        parameters=[
            OpenApiParameter("kind", str, OpenApiParameter.QUERY, required=True, enum=[k.value for k in START_KINDS]),
            OpenApiParameter("id", int, OpenApiParameter.QUERY, required=False, description="id of the item"),
            OpenApiParameter(
                "reference",
                str,
                OpenApiParameter.QUERY,
                required=False,
                description="instead of id: owner's reference, notice control number, REQ- or CCC- number",
            ),
            OpenApiParameter(
                "depth", int, OpenApiParameter.QUERY, required=False, description="levels of links, 1 to 4 (default 2)"
            ),
            OpenApiParameter("limit", int, OpenApiParameter.QUERY, required=False, description="most items"),
        ],
        responses={200: GraphOutput, 400: ErrorOutput, 403: ErrorOutput, 404: ErrorOutput},
    )
    def get(self, request):
        form = GraphForm(request.query_params, viewer=request.user)
        if not form.is_valid():
            services.graph_refuse(
                viewer=request.user, query=request.query_params.dict(), errors=form.errors, via="api", request=request
            )
        if form.has_error("reference", code="not_found"):
            return Response({"detail": form.errors["reference"][0]}, status=status.HTTP_404_NOT_FOUND)
        if not form.is_valid():
            errors = {field: [str(message) for message in messages] for field, messages in form.errors.items()}
            first = next(iter(errors.values()))[0]
            return Response({"detail": first, "errors": errors}, status=status.HTTP_400_BAD_REQUEST)
        try:
            graph = services.graph_explore(viewer=request.user, via="api", request=request, **form.explore_arguments())
        except StartNotFound:
            return Response({"detail": _("Nothing you may see has this id.")}, status=status.HTTP_404_NOT_FOUND)
        return Response(graph.as_dict())
