"""Screening endpoints: one person in real time, and passenger lists screened by a worker."""

from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers, status
from rest_framework.parsers import FormParser, JSONParser, MultiPartParser
from rest_framework.response import Response
from rest_framework.views import APIView

from ncb.api.permissions import role_permission
from ncb.roles import CCC_ROLES, NCB_ROLES

from ..screening.jobs import (
    ScreeningListError,
    passengers_from_list,
    passengers_from_upload,
    screening_job_cancel,
    screening_job_create,
)
from ..screening.selectors import screening_job_rows, screening_jobs_for_unit
from ..services.screening import ScreeningInputError, person_screen

SCREENING_ROLES = (*NCB_ROLES, *CCC_ROLES)


class PersonQuery(serializers.Serializer):
    family_name = serializers.CharField(help_text="any script")
    given_names = serializers.CharField(required=False, allow_blank=True)
    date_of_birth = serializers.CharField(required=False, allow_blank=True, help_text="YYYY, YYYY-MM or YYYY-MM-DD")
    sex = serializers.CharField(required=False, allow_blank=True, help_text="M, F, X or U")
    nationality = serializers.CharField(required=False, allow_blank=True, help_text="ISO alpha-2 or alpha-3")


class CandidateOutput(serializers.Serializer):
    id = serializers.IntegerField()
    reference = serializers.CharField()
    database = serializers.CharField()
    score = serializers.FloatField()
    reasons = serializers.ListField(child=serializers.CharField())
    summary = serializers.CharField()


class CandidatesOutput(serializers.Serializer):
    candidates = CandidateOutput(many=True)
    compared_all = serializers.BooleanField(
        help_text="false when more persons share these names than one query compares (a common name without a "
        "date of birth): the candidates are the best of those compared; a date of birth narrows the search"
    )


def _number(value: str | None, name: str, cast, low, high):
    if value in (None, ""):
        return None
    try:
        number = cast(value)
    except ValueError as error:
        raise ScreeningInputError(name, _("Enter a number.")) from error
    if not low <= number <= high:
        raise ScreeningInputError(name, _("Between {low} and {high}.").format(low=low, high=high))
    return number


def _bad(error: ScreeningInputError | ScreeningListError) -> Response:
    body = {"detail": str(error)}
    if isinstance(error, ScreeningInputError):
        body = {"field": error.field, "detail": error.message}
    return Response(body, status=status.HTTP_400_BAD_REQUEST)


class PersonScreening(APIView):
    """Screen one person (names in any script) against the persons database; candidates best first."""

    permission_classes = [role_permission(*SCREENING_ROLES)]

    @extend_schema(
        summary="Screen a person",
        request=PersonQuery,
        responses={200: CandidatesOutput},
        tags=["screening"],
        parameters=[
            OpenApiParameter("threshold", float, OpenApiParameter.QUERY, required=False),
            OpenApiParameter("limit", int, OpenApiParameter.QUERY, required=False),
        ],
    )
    def post(self, request):
        data = request.data if isinstance(request.data, dict) else None
        if data is None:
            return Response({"detail": _("Send a JSON object.")}, status=status.HTTP_400_BAD_REQUEST)
        try:
            threshold = _number(request.query_params.get("threshold"), "threshold", float, 0.0, 1.0)
            limit = _number(request.query_params.get("limit"), "limit", int, 1, 200)
            candidates = person_screen(
                viewer=request.user,
                family_name=data.get("family_name"),
                given_names=data.get("given_names"),
                date_of_birth=data.get("date_of_birth"),
                sex=data.get("sex"),
                nationality=data.get("nationality"),
                threshold=threshold,
                limit=limit,
                request=request,
            )
        except ScreeningInputError as error:
            return _bad(error)
        fields = ("id", "reference", "database", "score", "reasons", "summary")
        return Response(
            {
                "candidates": [{name: getattr(c, name) for name in fields} for c in candidates],
                "compared_all": candidates.compared_all,
            }
        )


def job_payload(job, *, rows=None) -> dict:
    payload = {
        "id": job.pk,
        "name": job.name,
        "status": job.status,
        "total": job.total,
        "processed": job.processed,
        "progress": job.percent,
        "matched": job.matched,
        "created_at": job.created_at.isoformat(),
        "finished_at": job.finished_at.isoformat() if job.finished_at else None,
    }
    if rows is not None:
        payload["results"] = [
            {"line": row.line, "passenger": row.data, "error": row.error, "candidates": row.candidates} for row in rows
        ]
    return payload


class ScreeningJobs(APIView):
    """Start a batch screening: a JSON list of passengers, or a CSV file in the `file` field."""

    permission_classes = [role_permission(*NCB_ROLES)]
    parser_classes = [JSONParser, MultiPartParser, FormParser]

    @extend_schema(summary="Screen a passenger list", request=None, responses={202: dict}, tags=["screening"])
    def post(self, request):
        if request.user.unit_id is None:
            return Response({"detail": _("Your account belongs to no NCB.")}, status=status.HTTP_403_FORBIDDEN)
        try:
            upload = request.FILES.get("file")
            if upload is not None:
                passengers, name = passengers_from_upload(upload), upload.name
            else:
                items = request.data.get("passengers") if isinstance(request.data, dict) else request.data
                passengers, name = passengers_from_list(items), ""
            job = screening_job_create(
                owner=request.user.unit, actor=request.user, passengers=passengers, name=name, request=request
            )
        except ScreeningListError as error:
            return _bad(error)
        return Response(job_payload(job), status=status.HTTP_202_ACCEPTED)


class ScreeningJobDetail(APIView):
    """Status, progress and results of a batch screening of the caller's NCB."""

    permission_classes = [role_permission(*NCB_ROLES)]

    @extend_schema(summary="A batch screening", responses={200: dict}, tags=["screening"])
    def get(self, request, pk: int):
        job = get_object_or_404(screening_jobs_for_unit(viewer=request.user), pk=pk)
        return Response(job_payload(job, rows=screening_job_rows(job=job)))


class ScreeningJobCancel(APIView):
    """Cancel a batch screening of the caller's NCB."""

    permission_classes = [role_permission(*NCB_ROLES)]

    @extend_schema(summary="Cancel a batch screening", request=None, responses={200: dict}, tags=["screening"])
    def post(self, request, pk: int):
        job = get_object_or_404(screening_jobs_for_unit(viewer=request.user), pk=pk)
        return Response(job_payload(screening_job_cancel(job=job, actor=request.user, request=request)))
