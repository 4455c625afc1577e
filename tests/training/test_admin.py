"""The catalogue in the Django admin: the Arabic title is editable; the coordinator's group may edit courses."""

import pytest
from django.urls import reverse

from ncb.models import Unit
from tests.ncb.factories import UserFactory
from tests.training.factories import CourseFactory, EnrolmentFactory, SessionFactory
from training.choices import EnrolmentStatus
from training.models import Course

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_coordinator(db):
    return UserFactory(
        unit=Unit.objects.get(code="gs-lyon"), roles=["training_coordinator"], username="t.staff.c", is_staff=True
    )


def test_the_course_form_has_the_four_languages(client, staff_coordinator):
    course = CourseFactory()
    client.force_login(staff_coordinator)
    html = client.get(reverse("admin:training_course_change", args=[course.pk])).content.decode()
    for language in ("ar", "en", "fr", "es"):
        assert f'name="title_{language}"' in html
    assert course.title_ar in html


def test_the_coordinator_edits_the_arabic_title_in_the_admin(client, staff_coordinator):
    course = CourseFactory()
    client.force_login(staff_coordinator)
    url = reverse("admin:training_course_change", args=[course.pk])
    form = {
        "code": course.code,
        "programme": course.programme,
        "level": course.level,
        "format": course.format,
        "duration_days": 5,
        "is_published": "on",
        "sessions-TOTAL_FORMS": "0",
        "sessions-INITIAL_FORMS": "0",
        "sessions-MIN_NUM_FORMS": "0",
        "sessions-MAX_NUM_FORMS": "1000",
    }
    for language in ("en", "fr", "es", "ar"):
        form[f"title_{language}"] = getattr(course, f"title_{language}")
        form[f"description_{language}"] = course.description
        form[f"objectives_{language}"] = course.objectives
    form["title_ar"] = "التحقيق في الجرائم السيبرانية المتقدمة"
    response = client.post(url, form)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert Course.objects.get(pk=course.pk).title_ar == "التحقيق في الجرائم السيبرانية المتقدمة"


def test_enrolments_are_read_only_in_the_admin(client, staff_coordinator, officer_fr):
    enrolment = EnrolmentFactory(participant=officer_fr, status=EnrolmentStatus.ACCEPTED)
    client.force_login(staff_coordinator)
    assert client.get(reverse("admin:training_enrolment_changelist")).status_code == 200
    response = client.post(reverse("admin:training_enrolment_change", args=[enrolment.pk]), {"status": "completed"})
    assert response.status_code == 403
    enrolment.refresh_from_db()
    assert enrolment.status == EnrolmentStatus.ACCEPTED


def test_an_officer_has_no_admin(client, officer_fr):
    client.force_login(officer_fr)
    response = client.get(reverse("admin:training_course_changelist"))
    assert response.status_code == 302


def test_raising_the_capacity_in_the_admin_moves_the_waiting_list_up(client, staff_coordinator, officer_fr):
    session = SessionFactory(capacity=1)
    EnrolmentFactory(session=session, participant=officer_fr, status=EnrolmentStatus.WAITLISTED)
    admin = UserFactory(unit=Unit.objects.get(code="gs-lyon"), username="t.admin", is_staff=True, is_superuser=True)
    client.force_login(admin)
    form = {
        "course": session.course.pk,
        "starts_on": session.starts_on,
        "ends_on": session.ends_on,
        "enrolment_deadline": session.enrolment_deadline,
        "language": "en",
        "city": "Lyon",
        "country": session.country.pk,
        "capacity": 1,
    }
    client.post(reverse("admin:training_session_change", args=[session.pk]), form)
    form["capacity"] = 2
    response = client.post(reverse("admin:training_session_change", args=[session.pk]), form)
    assert response.status_code == 302
    assert session.enrolments.get().status == EnrolmentStatus.ACCEPTED
