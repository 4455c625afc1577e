"""Pages: each one for a role that may and one that may not use it; list pages with a constant query count."""

import re
from pathlib import Path

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.ncb.factories import UserFactory
from tests.training.factories import CourseFactory, EnrolmentFactory, SessionFactory, TopicFactory, days, seated
from training.choices import EnrolmentStatus
from training.models import Certificate, Enrolment, TrainingNeed

S = EnrolmentStatus
pytestmark = pytest.mark.django_db


def _get(client, user, name, *args, **params):
    if user is not None:
        client.force_login(user)
    return client.get(reverse(name, args=args), params)


def _assert_constant_queries(client, url, add_rows, django_assert_num_queries):
    """The page costs the same number of queries with a few rows and with several times more."""
    client.get(url)  # warm-up: per-process caches (content types, translations)
    with CaptureQueriesContext(connection) as few:
        assert client.get(url).status_code == 200
    add_rows()
    with django_assert_num_queries(len(few.captured_queries)):
        assert client.get(url).status_code == 200


# --- catalogue ------------------------------------------------------------------------------------------------


def test_catalogue_is_for_everyone_signed_in(client, officer_fr, ccc_officer, coordinator, session):
    for user in (officer_fr, ccc_officer, coordinator):
        response = _get(client, user, "training_catalogue")
        assert response.status_code == 200
        assert session.course.title in response.content.decode()
    client.logout()
    assert _get(client, None, "training_catalogue").status_code == 302


def test_catalogue_filters(client, officer_fr):
    crypto = TopicFactory(code="crypto")
    cyber = CourseFactory(programme="cybercrime", title="Crypto tracing", title_en="Crypto tracing", topics=[crypto])
    SessionFactory(course=cyber, language="ar")
    forensics = CourseFactory(programme="forensics", title="Fingerprints", title_en="Fingerprints")
    SessionFactory(course=forensics, language="fr")
    CourseFactory(programme="cybercrime", title="Hidden", title_en="Hidden", is_published=False)
    client.force_login(officer_fr)

    def titles(**params):
        html = client.get(reverse("training_catalogue"), params).content.decode()
        return {title for title in ("Crypto tracing", "Fingerprints", "Hidden") if title in html}

    assert titles() == {"Crypto tracing", "Fingerprints"}
    assert titles(programme="forensics") == {"Fingerprints"}
    assert titles(language="ar") == {"Crypto tracing"}
    assert titles(topic=crypto.pk) == {"Crypto tracing"}
    assert titles(q="finger") == {"Fingerprints"}
    assert titles(q="دورة") == {"Crypto tracing", "Fingerprints"}  # the Arabic title is searched too


def test_catalogue_query_count_is_constant(client, officer_fr, django_assert_num_queries):
    topic = TopicFactory()
    SessionFactory(course=CourseFactory(topics=[topic]))
    client.force_login(officer_fr)

    def more():
        for _ in range(5):
            course = CourseFactory(topics=[topic, TopicFactory()])
            SessionFactory(course=course)
            SessionFactory(course=course, language="es", is_online=True, city="", country=None)

    _assert_constant_queries(client, reverse("training_catalogue"), more, django_assert_num_queries)


def test_catalogue_in_arabic_is_right_to_left_with_arabic_titles(client, officer_fr, session):
    client.force_login(officer_fr)
    html = client.get("/ar/training/").content.decode()
    assert 'dir="rtl"' in html
    assert session.course.title_ar in html


def test_course_detail_shows_unpublished_courses_only_to_the_coordinator(client, officer_fr, coordinator):
    draft = CourseFactory(is_published=False)
    assert _get(client, officer_fr, "training_course", draft.pk).status_code == 404
    assert _get(client, coordinator, "training_course", draft.pk).status_code == 200


def test_course_detail_lists_objectives_and_sessions(client, officer_fr, session):
    html = _get(client, officer_fr, "training_course", session.course.pk).content.decode()
    assert "Second objective" in html
    assert reverse("training_session", args=[session.pk]) in html


def test_session_detail_offers_apply_to_officers_only(client, officer_fr, ccc_officer, session):
    assert (
        'action="{}"'.format(reverse("training_apply", args=[session.pk]))
        in _get(client, officer_fr, "training_session", session.pk).content.decode()
    )
    assert (
        reverse("training_apply", args=[session.pk])
        not in _get(client, ccc_officer, "training_session", session.pk).content.decode()
    )


# --- officers -------------------------------------------------------------------------------------------------


def test_apply_page_flow(client, officer_fr, head_fr, session):
    client.force_login(officer_fr)
    response = client.post(reverse("training_apply", args=[session.pk]), {"motivation": "Cyber desk"})
    assert response.status_code == 302 and response["Location"].endswith(reverse("training_my_enrolments"))
    assert Enrolment.objects.get(participant=officer_fr).status == S.APPLIED
    # A second application shows the refusal as a message, not an error page.
    response = client.post(reverse("training_apply", args=[session.pk]), follow=True)
    assert "already have an application" in response.content.decode()


def test_apply_is_refused_to_roles_without_an_ncb(client, ccc_officer, session):
    client.force_login(ccc_officer)
    assert client.post(reverse("training_apply", args=[session.pk])).status_code == 403
    assert not Enrolment.objects.exists()


def test_my_enrolments_is_for_ncb_officers(client, officer_fr, coordinator):
    assert _get(client, officer_fr, "training_my_enrolments").status_code == 200
    assert _get(client, coordinator, "training_my_enrolments").status_code == 403


def test_my_enrolments_shows_only_ones_own_with_waiting_position(client, officer_fr, officer_fr2):
    session = SessionFactory(capacity=1)
    EnrolmentFactory(session=session, participant=officer_fr2, status=S.WAITLISTED)
    EnrolmentFactory(session=session, participant=officer_fr, status=S.WAITLISTED)
    other = EnrolmentFactory(session=SessionFactory(), participant=officer_fr2)
    html = _get(client, officer_fr, "training_my_enrolments").content.decode()
    assert "position 2" in html
    assert other.session.course.title not in html


def test_my_enrolments_query_count_is_constant(client, officer_fr, django_assert_num_queries):
    EnrolmentFactory(participant=officer_fr)
    client.force_login(officer_fr)

    def more():
        for status in (S.WAITLISTED, S.ACCEPTED, S.DECLINED, S.APPLIED):
            EnrolmentFactory(participant=officer_fr, status=status)
        past = SessionFactory(starts_on=days(-5), ends_on=days(-1), enrolment_deadline=days(-9))
        done = EnrolmentFactory(participant=officer_fr, session=past, status=S.COMPLETED)
        Certificate.objects.create(enrolment=done, code="0123456789ABCDEF", language="en", holder_name="x")

    _assert_constant_queries(client, reverse("training_my_enrolments"), more, django_assert_num_queries)


def test_withdraw_own_enrolment_only(client, officer_fr, officer_fr2, session):
    mine = EnrolmentFactory(session=session, participant=officer_fr)
    theirs = EnrolmentFactory(session=session, participant=officer_fr2)
    client.force_login(officer_fr)
    assert client.post(reverse("training_withdraw", args=[theirs.pk])).status_code == 404
    assert client.post(reverse("training_withdraw", args=[mine.pk])).status_code == 302
    mine.refresh_from_db()
    assert mine.status == S.WITHDRAWN


def test_my_certificates_page(client, officer_fr, coordinator, django_assert_num_queries):
    def certify():
        past = SessionFactory(starts_on=days(-5), ends_on=days(-1), enrolment_deadline=days(-9))
        done = EnrolmentFactory(participant=officer_fr, session=past, status=S.COMPLETED)
        from training.codes import new_code

        return Certificate.objects.create(enrolment=done, code=new_code(), language="en", holder_name="x")

    certificate = certify()
    html = _get(client, officer_fr, "training_my_certificates").content.decode()
    assert certificate.display_code in html
    assert _get(client, coordinator, "training_my_certificates").status_code == 403
    client.force_login(officer_fr)
    _assert_constant_queries(
        client, reverse("training_my_certificates"), lambda: [certify() for _ in range(4)], django_assert_num_queries
    )


# --- NCB heads ------------------------------------------------------------------------------------------------


def test_endorsements_lists_the_heads_own_ncb_only(client, head_fr, officer_fr, officer_es, session):
    mine = EnrolmentFactory(session=session, participant=officer_fr, motivation="French application")
    EnrolmentFactory(session=session, participant=officer_es, motivation="Spanish application")
    html = _get(client, head_fr, "training_endorsements").content.decode()
    assert "French application" in html and "Spanish application" not in html
    assert reverse("training_endorse", args=[mine.pk]) in html


def test_endorsements_is_for_heads_only(client, officer_fr, coordinator):
    assert _get(client, officer_fr, "training_endorsements").status_code == 403
    assert _get(client, coordinator, "training_endorsements").status_code == 403


def test_endorsements_query_count_is_constant(client, head_fr, ncb_fr, django_assert_num_queries):
    def officer(n):
        return UserFactory(unit=ncb_fr, roles=["ncb_officer"], username=f"t.o{n}.fr")

    EnrolmentFactory(participant=officer(0))
    client.force_login(head_fr)
    _assert_constant_queries(
        client,
        reverse("training_endorsements"),
        lambda: [EnrolmentFactory(participant=officer(n)) for n in range(1, 6)],
        django_assert_num_queries,
    )


def test_endorse_and_decline_through_the_page(client, head_fr, officer_fr, officer_fr2, session):
    one = EnrolmentFactory(session=session, participant=officer_fr)
    two = EnrolmentFactory(session=session, participant=officer_fr2)
    client.force_login(head_fr)
    client.post(reverse("training_endorse", args=[one.pk]))
    client.post(reverse("training_decline", args=[two.pk]), {"reason": "Operational needs"})
    one.refresh_from_db()
    two.refresh_from_db()
    assert (one.status, two.status) == (S.ENDORSED, S.DECLINED)


def test_a_head_cannot_endorse_for_another_ncb_through_the_page(client, head_es, officer_fr, session):
    enrolment = EnrolmentFactory(session=session, participant=officer_fr)
    client.force_login(head_es)
    assert client.post(reverse("training_endorse", args=[enrolment.pk])).status_code == 404
    enrolment.refresh_from_db()
    assert enrolment.status == S.APPLIED


def test_an_officer_cannot_endorse_through_the_page(client, officer_fr2, officer_fr, session):
    enrolment = EnrolmentFactory(session=session, participant=officer_fr)
    client.force_login(officer_fr2)
    assert client.post(reverse("training_endorse", args=[enrolment.pk])).status_code == 403


def test_ncb_enrolments_page(client, head_fr, officer_fr, officer_es, django_assert_num_queries):
    EnrolmentFactory(participant=officer_fr, status=S.ACCEPTED)
    foreign = EnrolmentFactory(participant=officer_es)
    html = _get(client, head_fr, "training_ncb_enrolments").content.decode()
    assert foreign.session.course.title not in html
    assert _get(client, officer_fr, "training_ncb_enrolments").status_code == 403
    client.force_login(head_fr)
    _assert_constant_queries(
        client,
        reverse("training_ncb_enrolments"),
        lambda: [EnrolmentFactory(participant=officer_fr, status=s) for s in (S.WAITLISTED, S.DECLINED, S.APPLIED)],
        django_assert_num_queries,
    )


def test_training_needs_form_saves_the_heads_ncb_needs(client, head_fr, officer_fr):
    crypto, dvi = TopicFactory(code="crypto"), TopicFactory(code="dvi")
    client.force_login(head_fr)
    assert client.get(reverse("training_needs")).status_code == 200
    response = client.post(
        reverse("training_needs"),
        {
            f"officers_{crypto.pk}": "4",
            f"priority_{crypto.pk}": "high",
            f"officers_{dvi.pk}": "0",
            f"priority_{dvi.pk}": "low",
        },
    )
    assert response.status_code == 302
    need = TrainingNeed.objects.get()
    assert (need.ncb, need.topic, need.officers, need.priority) == (head_fr.unit, crypto, 4, "high")
    assert _get(client, officer_fr, "training_needs").status_code == 403


# --- the coordinator ------------------------------------------------------------------------------------------


def test_coordinator_pages_are_for_the_coordinator_only(client, coordinator, head_fr, officer_fr, session):
    for name, args in (
        ("training_coordinator_sessions", ()),
        ("training_coordinator_session", (session.pk,)),
        ("training_needs_report", ()),
    ):
        assert _get(client, coordinator, name, *args).status_code == 200, name
        for user in (head_fr, officer_fr):
            assert _get(client, user, name, *args).status_code == 403, (name, user)


def test_coordinator_sessions_query_count_is_constant(client, coordinator, officer_fr, django_assert_num_queries):
    SessionFactory()
    client.force_login(coordinator)

    def more():
        for _ in range(4):
            session = SessionFactory()
            EnrolmentFactory(session=session, participant=officer_fr, status=S.ENDORSED)

    _assert_constant_queries(client, reverse("training_coordinator_sessions"), more, django_assert_num_queries)


def test_coordinator_session_page_query_count_is_constant(
    client, coordinator, ncb_fr, session, django_assert_num_queries
):
    counter = iter(range(100))

    def enrol(status):
        user = UserFactory(unit=ncb_fr, roles=["ncb_officer"], username=f"t.p{next(counter)}.fr")
        return EnrolmentFactory(session=session, participant=user, status=status)

    enrol(S.ENDORSED)
    client.force_login(coordinator)

    def more():
        for status in (S.ENDORSED, S.WAITLISTED, S.WAITLISTED, S.ACCEPTED, S.APPLIED, S.REJECTED, S.COMPLETED):
            enrol(status)
        seated(session)

    _assert_constant_queries(
        client, reverse("training_coordinator_session", args=[session.pk]), more, django_assert_num_queries
    )


def test_coordinator_decisions_through_the_page(client, coordinator, officer_fr, officer_fr2):
    session = SessionFactory(capacity=1)
    one = EnrolmentFactory(session=session, participant=officer_fr, status=S.ENDORSED)
    two = EnrolmentFactory(session=session, participant=officer_fr2, status=S.ENDORSED)
    client.force_login(coordinator)
    client.post(reverse("training_enrolment_accept", args=[one.pk]))
    response = client.post(reverse("training_enrolment_accept", args=[two.pk]), follow=True)
    assert "On the waiting list" in response.content.decode()
    one.refresh_from_db()
    two.refresh_from_db()
    assert (one.status, two.status) == (S.ACCEPTED, S.WAITLISTED)
    # A reason is required to reject.
    response = client.post(reverse("training_enrolment_reject", args=[two.pk]), {"reason": ""}, follow=True)
    two.refresh_from_db()
    assert two.status == S.WAITLISTED
    client.post(reverse("training_enrolment_reject", args=[two.pk]), {"reason": "Full"})
    two.refresh_from_db()
    assert two.status == S.REJECTED


def test_attendance_and_completion_through_the_page(client, coordinator, officer_fr):
    past = SessionFactory(starts_on=days(-5), ends_on=days(-1), enrolment_deadline=days(-9))
    enrolment = EnrolmentFactory(session=past, participant=officer_fr, status=S.ACCEPTED)
    seated(past)
    client.force_login(coordinator)
    client.post(reverse("training_enrolment_attendance", args=[enrolment.pk]), {"attendance": "present"})
    client.post(reverse("training_enrolment_complete", args=[enrolment.pk]))
    enrolment.refresh_from_db()
    assert enrolment.status == S.COMPLETED and enrolment.certificate.is_valid


def test_coordinator_actions_are_refused_to_heads(client, head_fr, officer_fr, session):
    enrolment = EnrolmentFactory(session=session, participant=officer_fr, status=S.ENDORSED)
    client.force_login(head_fr)
    for action in ("accept", "waitlist", "reject", "cancel", "attendance", "complete", "not_completed"):
        assert client.post(reverse(f"training_enrolment_{action}", args=[enrolment.pk])).status_code == 403
    assert client.post(reverse("training_session_cancel", args=[session.pk]), {"reason": "x"}).status_code == 403


def test_session_cancel_through_the_page(client, coordinator, session):
    client.force_login(coordinator)
    client.post(reverse("training_session_cancel", args=[session.pk]), {"reason": "Trainer ill"})
    session.refresh_from_db()
    assert session.is_cancelled


# --- navigation and home --------------------------------------------------------------------------------------


def test_navigation_shows_each_role_its_training_pages(client, officer_fr, head_fr, coordinator):
    officer = _get(client, officer_fr, "home").content.decode()
    head = _get(client, head_fr, "home").content.decode()
    trainer = _get(client, coordinator, "home").content.decode()
    assert reverse("training_catalogue") in officer and reverse("training_my_enrolments") in officer
    assert reverse("training_endorsements") not in officer
    assert reverse("training_coordinator_sessions") not in officer
    assert reverse("training_endorsements") in head and reverse("training_needs") in head
    assert reverse("training_coordinator_sessions") in trainer and reverse("training_needs_report") in trainer
    assert reverse("training_my_enrolments") not in trainer


# --- front-end rules ------------------------------------------------------------------------------------------

TEMPLATES = Path(__file__).resolve().parents[2] / "templates" / "training"


def test_templates_have_no_inline_scripts_styles_or_physical_directions():
    for template in TEMPLATES.rglob("*.html"):
        text = template.read_text(encoding="utf-8")
        assert not re.search(r"<script(?![^>]*\bsrc=)", text), template
        assert "style=" not in text and "<style" not in text, template
        assert not re.search(r"\b(text-left|text-right|float-left|float-right|ml-\d|mr-\d|pl-\d|pr-\d)\b", text)
    css = (TEMPLATES.parents[1] / "static" / "css" / "training.css").read_text()
    assert not re.search(r"(margin|padding|border)-(left|right)|text-align:\s*(left|right)|\bleft:|\bright:", css)
