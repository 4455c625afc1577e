"""The demo data: idempotent, every enrolment state present, seat counts right, four languages."""

import io

import pytest
from django.core.management import call_command

from training.choices import SEATED_STATUSES, EnrolmentStatus
from training.models import Certificate, Course, Enrolment, Session, Topic

pytestmark = pytest.mark.django_db


def _counts():
    return (
        Course.objects.count(),
        Topic.objects.count(),
        Session.objects.count(),
        Enrolment.objects.count(),
        Certificate.objects.count(),
    )


def test_demo_data_loads_twice_without_duplicates_and_covers_every_state(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    call_command("load_demo", stdout=io.StringIO())
    first = _counts()
    call_command("load_demo", stdout=io.StringIO())
    assert _counts() == first
    assert first[0] >= 8

    assert set(Enrolment.objects.values_list("status", flat=True)) == set(EnrolmentStatus.values)
    for session in Session.objects.all():
        assert session.seats_taken == session.enrolments.filter(status__in=SEATED_STATUSES).count() <= session.capacity
    assert {"en", "fr", "es", "ar"} <= set(Session.objects.values_list("language", flat=True))
    for course in Course.objects.all():
        assert all(
            getattr(course, f"{field}_{language}")
            for field in ("title", "description", "objectives")
            for language in ("en", "fr", "es", "ar")
        ), course.code
    assert Certificate.objects.filter(language="ar").exists()
    assert Enrolment.objects.filter(participant__username="officer.ke", status=EnrolmentStatus.APPLIED).exists()
