"""Query filters of the training API (django-filter)."""

import django_filters
from django.conf import settings
from django.db.models import Exists, OuterRef, Q

from ncb.choices import Language

from ..choices import EnrolmentStatus, Format, Level, Programme
from ..models import Course, Enrolment, Session


class CourseFilter(django_filters.FilterSet):
    programme = django_filters.ChoiceFilter(choices=Programme.choices)
    level = django_filters.ChoiceFilter(choices=Level.choices)
    # Not "format": DRF reads that query parameter to choose the renderer.
    course_format = django_filters.ChoiceFilter(field_name="format", choices=Format.choices)
    topic = django_filters.CharFilter(field_name="topics__code", help_text="Topic code")
    language = django_filters.ChoiceFilter(
        choices=Language.choices,
        method="filter_language",
        help_text="Courses with an upcoming session taught in this language",
    )
    q = django_filters.CharFilter(method="filter_text", help_text="Text in the code or the title (any language)")

    class Meta:
        model = Course
        fields = ["programme", "level", "course_format", "topic", "language", "q"]

    def filter_language(self, queryset, name, value):
        from ..selectors import upcoming_sessions

        return queryset.filter(Exists(upcoming_sessions().filter(course=OuterRef("pk"), language=value)))

    def filter_text(self, queryset, name, value):
        condition = Q(code__icontains=value)
        for code, _label in settings.LANGUAGES:
            condition |= Q(**{f"title_{code}__icontains": value})
        return queryset.filter(condition)


class SessionFilter(django_filters.FilterSet):
    course = django_filters.CharFilter(field_name="course__code", help_text="Course code")
    programme = django_filters.ChoiceFilter(field_name="course__programme", choices=Programme.choices)
    language = django_filters.ChoiceFilter(choices=Language.choices)
    starts_after = django_filters.DateFilter(field_name="starts_on", lookup_expr="gte")
    starts_before = django_filters.DateFilter(field_name="starts_on", lookup_expr="lte")

    class Meta:
        model = Session
        fields = ["course", "programme", "language", "is_online", "starts_after", "starts_before"]


class EnrolmentFilter(django_filters.FilterSet):
    status = django_filters.ChoiceFilter(choices=EnrolmentStatus.choices)

    class Meta:
        model = Enrolment
        fields = ["status"]
