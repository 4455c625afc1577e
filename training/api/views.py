"""Read-only training API: the catalogue for everyone signed in, and each user's own enrolments."""

from django.utils import translation
from drf_spectacular.utils import extend_schema
from rest_framework import generics

from ncb.services import audit_record

from .. import selectors
from .filters import CourseFilter, EnrolmentFilter, SessionFilter
from .serializers import CourseDetailSerializer, CourseListSerializer, EnrolmentSerializer, SessionSerializer


class TrainingApiMixin:
    """Answers in the caller's preferred language, and writes every call to the audit trail (DESIGN, section 6).

    Token authentication happens inside DRF, after ncb's language middleware has run, so the language is set
    here once the user is known.
    """

    audit_action = ""

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        if request.user is not None and request.user.is_authenticated:
            translation.activate(request.user.preferred_language)
            request.LANGUAGE_CODE = request.user.preferred_language

    def finalize_response(self, request, response, *args, **kwargs):
        if request.user is not None and request.user.is_authenticated and response.status_code < 400:
            audit_record(
                actor=request.user,
                action=self.audit_action,
                query=request.query_params.dict(),
                outcome=str(kwargs.get("pk", "")),
                request=request,
            )
        return super().finalize_response(request, response, *args, **kwargs)


@extend_schema(tags=["training"])
class CourseList(TrainingApiMixin, generics.ListAPIView):
    """Published courses with their upcoming sessions."""

    serializer_class = CourseListSerializer
    filterset_class = CourseFilter
    audit_action = "training.api.courses"

    def get_queryset(self):
        return selectors.course_catalogue()


@extend_schema(tags=["training"])
class CourseDetail(TrainingApiMixin, generics.RetrieveAPIView):
    """One published course with its description, objectives, topics and upcoming sessions."""

    serializer_class = CourseDetailSerializer
    audit_action = "training.api.course"

    def get_queryset(self):
        return selectors.course_catalogue()


@extend_schema(tags=["training"])
class SessionList(TrainingApiMixin, generics.ListAPIView):
    """Upcoming sessions of published courses."""

    serializer_class = SessionSerializer
    filterset_class = SessionFilter
    audit_action = "training.api.sessions"

    def get_queryset(self):
        return selectors.upcoming_sessions().filter(course__is_published=True).select_related("course")


@extend_schema(tags=["training"])
class MyEnrolmentList(TrainingApiMixin, generics.ListAPIView):
    """The signed-in user's own enrolments, newest session first."""

    serializer_class = EnrolmentSerializer
    filterset_class = EnrolmentFilter
    audit_action = "training.api.enrolments"

    def get_queryset(self):
        return selectors.enrolments_of(participant=self.request.user)


@extend_schema(tags=["training"])
class MyEnrolmentDetail(TrainingApiMixin, generics.RetrieveAPIView):
    serializer_class = EnrolmentSerializer
    audit_action = "training.api.enrolment"

    def get_queryset(self):
        return selectors.enrolments_of(participant=self.request.user)
