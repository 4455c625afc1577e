"""The read-only training API: catalogue for every signed-in user, each user's own enrolments only."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from ncb.models import AuditEntry
from ncb.services import api_token_create
from tests.training.factories import CourseFactory, EnrolmentFactory, SessionFactory, TopicFactory
from training.choices import EnrolmentStatus

pytestmark = pytest.mark.django_db


@pytest.fixture
def api(client):
    """A client that signs its requests with the user's API token."""

    def as_user(user):
        _token, key = api_token_create(user=user, name="test")
        client.defaults["HTTP_AUTHORIZATION"] = f"Token {key}"
        return client

    return as_user


def _constant(client, url, add_rows, django_assert_num_queries):
    client.get(url)
    with CaptureQueriesContext(connection) as few:
        assert client.get(url).status_code == 200
    add_rows()
    with django_assert_num_queries(len(few.captured_queries)):
        assert client.get(url).status_code == 200


def test_the_api_refuses_anonymous_callers(client):
    for url in ("/api/v1/training/courses/", "/api/v1/training/enrolments/", "/api/v1/training/sessions/"):
        assert client.get(url).status_code in (401, 403)


def test_course_list_with_four_titles_topics_and_upcoming_sessions(api, officer_fr):
    topic = TopicFactory(code="crypto")
    course = CourseFactory(topics=[topic])
    session = SessionFactory(course=course, language="ar")
    CourseFactory(is_published=False)

    body = api(officer_fr).get("/api/v1/training/courses/").json()

    assert body["count"] == 1
    item = body["results"][0]
    assert item["code"] == course.code
    assert item["titles"]["ar"] == course.title_ar and item["titles"]["fr"] == course.title_fr
    assert item["topics"] == ["crypto"]
    assert item["upcoming_sessions"][0]["id"] == session.pk
    assert item["upcoming_sessions"][0]["seats_left"] == session.capacity
    assert AuditEntry.objects.filter(action="training.api.courses", actor=officer_fr).exists()


def test_course_list_answers_in_the_users_language(api, officer_fr2):
    course = CourseFactory()
    body = api(officer_fr2).get("/api/v1/training/courses/").json()
    assert body["results"][0]["title"] == course.title_fr


def test_course_list_filters_and_pagination(api, officer_fr):
    cyber = CourseFactory(programme="cybercrime", format="online")
    SessionFactory(course=cyber, language="es", is_online=True, city="", country=None)
    for _ in range(3):
        CourseFactory(programme="forensics")
    client = api(officer_fr)
    assert client.get("/api/v1/training/courses/?programme=forensics").json()["count"] == 3
    assert [c["code"] for c in client.get("/api/v1/training/courses/?language=es").json()["results"]] == [cyber.code]
    assert client.get("/api/v1/training/courses/?course_format=online").json()["count"] == 1
    page = client.get("/api/v1/training/courses/?limit=2").json()
    assert page["count"] == 4 and len(page["results"]) == 2 and page["next"]
    assert client.get("/api/v1/training/courses/?programme=nonsense").status_code == 400


def test_course_detail_has_description_objectives_and_named_topics(api, officer_fr):
    course = CourseFactory(topics=[TopicFactory(code="dna", name="DNA", name_en="DNA")])
    body = api(officer_fr).get(f"/api/v1/training/courses/{course.pk}/").json()
    assert body["objectives"] == ["First objective", "Second objective"]
    assert body["topics"] == [{"code": "dna", "name": "DNA", "programme": "cybercrime"}]
    assert api(officer_fr).get(f"/api/v1/training/courses/{CourseFactory(is_published=False).pk}/").status_code == 404


def test_course_list_query_count_is_constant(api, officer_fr, django_assert_num_queries):
    SessionFactory()
    client = api(officer_fr)

    def more():
        for _ in range(4):
            course = CourseFactory(topics=[TopicFactory()])
            SessionFactory(course=course)
            SessionFactory(course=course)

    _constant(client, "/api/v1/training/courses/", more, django_assert_num_queries)


def test_session_list_filters(api, coordinator):
    SessionFactory(language="fr")
    SessionFactory(language="ar")
    body = api(coordinator).get("/api/v1/training/sessions/?language=ar").json()
    assert [s["language"] for s in body["results"]] == ["ar"]


def test_enrolments_are_the_callers_own_only(api, officer_fr, officer_fr2, session):
    mine = EnrolmentFactory(session=session, participant=officer_fr, status=EnrolmentStatus.WAITLISTED)
    theirs = EnrolmentFactory(session=session, participant=officer_fr2)
    client = api(officer_fr)

    body = client.get("/api/v1/training/enrolments/").json()
    assert [e["id"] for e in body["results"]] == [mine.pk]
    assert body["results"][0]["waiting_position"] == 1
    assert body["results"][0]["session"]["course"] == session.course.code
    assert client.get(f"/api/v1/training/enrolments/{theirs.pk}/").status_code == 404
    assert client.get(f"/api/v1/training/enrolments/{mine.pk}/").status_code == 200
    assert client.get("/api/v1/training/enrolments/?status=accepted").json()["count"] == 0


def test_enrolment_list_query_count_is_constant(api, officer_fr, django_assert_num_queries):
    EnrolmentFactory(participant=officer_fr)
    client = api(officer_fr)
    _constant(
        client,
        "/api/v1/training/enrolments/",
        lambda: [EnrolmentFactory(participant=officer_fr, status=s) for s in ("waitlisted", "accepted", "declined")],
        django_assert_num_queries,
    )


def test_the_api_is_read_only(api, officer_fr, session):
    client = api(officer_fr)
    assert client.post("/api/v1/training/courses/", {}).status_code == 405
    assert client.post("/api/v1/training/enrolments/", {"session": session.pk}).status_code == 405
