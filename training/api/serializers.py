"""Output serializers of the read-only training API. Translated fields come in the request's language (from the
user's preference or Accept-Language), plus all four titles for systems that store them."""

from django.conf import settings
from django.urls import reverse
from rest_framework import serializers

from ..models import Certificate, Course, Enrolment, Session, Topic


class TopicSerializer(serializers.ModelSerializer):
    class Meta:
        model = Topic
        fields = ["code", "name", "programme"]


class SessionSerializer(serializers.ModelSerializer):
    course = serializers.SlugRelatedField(slug_field="code", read_only=True)
    country = serializers.SlugRelatedField(slug_field="iso2", read_only=True, allow_null=True)
    seats_left = serializers.IntegerField(read_only=True)
    cancelled = serializers.BooleanField(source="is_cancelled", read_only=True)

    class Meta:
        model = Session
        fields = [
            "id",
            "course",
            "starts_on",
            "ends_on",
            "enrolment_deadline",
            "language",
            "is_online",
            "venue",
            "city",
            "country",
            "capacity",
            "seats_left",
            "cancelled",
        ]


class CourseListSerializer(serializers.ModelSerializer):
    titles = serializers.SerializerMethodField()
    topics = serializers.SlugRelatedField(slug_field="code", many=True, read_only=True)
    upcoming_sessions = SessionSerializer(many=True, read_only=True)

    class Meta:
        model = Course
        fields = [
            "id",
            "code",
            "title",
            "titles",
            "programme",
            "level",
            "format",
            "duration_days",
            "topics",
            "upcoming_sessions",
        ]

    def get_titles(self, course) -> dict[str, str]:
        return {code: getattr(course, f"title_{code}") or "" for code, _label in settings.LANGUAGES}


class CourseDetailSerializer(CourseListSerializer):
    topics = TopicSerializer(many=True, read_only=True)
    objectives = serializers.ListField(source="objective_list", child=serializers.CharField(), read_only=True)

    class Meta(CourseListSerializer.Meta):
        fields = [
            *CourseListSerializer.Meta.fields[:4],
            "description",
            "objectives",
            *CourseListSerializer.Meta.fields[4:],
        ]


class CertificateSerializer(serializers.ModelSerializer):
    code = serializers.CharField(source="display_code")
    valid = serializers.BooleanField(source="is_valid")
    verify_url = serializers.SerializerMethodField()

    class Meta:
        model = Certificate
        fields = ["code", "issued_at", "valid", "verify_url"]

    def get_verify_url(self, certificate) -> str:
        return settings.TRAINING_PORTAL_URL.rstrip("/") + reverse("certificate_verify_code", args=[certificate.code])


class EnrolmentSerializer(serializers.ModelSerializer):
    session = SessionSerializer(read_only=True)
    course_title = serializers.CharField(source="session.course.title", read_only=True)
    status_label = serializers.CharField(source="get_status_display", read_only=True)
    waiting_position = serializers.IntegerField(read_only=True, allow_null=True)
    certificate = serializers.SerializerMethodField()

    class Meta:
        model = Enrolment
        fields = [
            "id",
            "session",
            "course_title",
            "status",
            "status_label",
            "waiting_position",
            "applied_at",
            "endorsed_at",
            "decided_at",
            "attendance",
            "completed_at",
            "certificate",
        ]

    def get_certificate(self, enrolment) -> dict | None:
        certificate = getattr(enrolment, "certificate", None) if enrolment.status == "completed" else None
        return CertificateSerializer(certificate).data if certificate else None
