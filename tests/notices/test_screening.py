"""Screening a published notice's subject: pending until the matching engine exists, idempotent hits after."""

import pytest

from ncb.models import AuditEntry, Notification, Unit
from notices import screening, services, tasks
from notices.attention import attention_notify
from notices.choices import NoticeStatus, NoticeType, ScreeningStatus
from notices.models import NoticeHit
from tests.databases.factories import PersonFactory
from tests.notices import handlers
from tests.notices.factories import NoticeFactory, in_status, published
from tests.notices.test_workflow import ALL_CLEAR

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _clear_calls():
    handlers.CALLS.clear()


@pytest.fixture
def no_engine(monkeypatch):
    monkeypatch.setattr(screening, "screening_function", lambda: None)


@pytest.fixture
def engine(monkeypatch, settings):
    monkeypatch.setattr(screening, "screening_function", lambda: handlers.person_screen)
    settings.NOTICE_ATTENTION_HANDLER = "tests.notices.handlers.record_attention"


def test_screening_is_recorded_as_pending_while_the_engine_is_missing(no_engine):
    notice = published(NoticeFactory())
    assert services.notice_screen(notice_id=notice.pk) == ScreeningStatus.PENDING
    notice.refresh_from_db()
    assert notice.screening_status == ScreeningStatus.PENDING and notice.screened_at is None
    assert not NoticeHit.objects.exists()
    assert AuditEntry.objects.filter(action="notice.screen", outcome__startswith="pending").exists()


def test_publication_queues_screening_on_commit(no_engine, reviewer, django_capture_on_commit_callbacks):
    notice = in_status(NoticeStatus.UNDER_REVIEW)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        services.notice_publish(notice=notice, reviewer=reviewer, checklist=ALL_CLEAR)
    notice.refresh_from_db()
    assert notice.screening_status == ScreeningStatus.NOT_SCREENED  # nothing ran inside the transaction
    assert len(callbacks) == 1
    callbacks[0]()
    notice.refresh_from_db()
    assert notice.screening_status == ScreeningStatus.PENDING


def test_hits_reach_the_requesting_ncb_and_the_ccc_once(engine, django_capture_on_commit_callbacks):
    notice = published(NoticeFactory())
    with django_capture_on_commit_callbacks(execute=True):
        assert services.notice_screen(notice_id=notice.pk) == ScreeningStatus.SCREENED
    with django_capture_on_commit_callbacks(execute=True):
        assert services.notice_screen(notice_id=notice.pk) == ScreeningStatus.SCREENED
    assert NoticeHit.objects.filter(notice=notice).count() == 2
    assert Notification.objects.filter(unit=notice.owner, kind="notice_hits").count() == 1
    attention = [call for call in handlers.CALLS if "reason" in call]
    # Told once; the stand-in engine records no hit in the databases app, so there are no hit ids to pass on.
    assert len(attention) == 1 and attention[0]["reason"] == "screening_hits" and attention[0]["hit_ids"] == []


def test_engine_gets_the_subject_and_the_requesters_rights(engine):
    notice = published(NoticeFactory(aliases="DUPOND; DU PONT"))
    services.notice_screen(notice_id=notice.pk)
    (call,) = [call for call in handlers.CALLS if "query" in call]
    assert call["viewer"] == notice.created_by.username
    assert call["query"]["family_name"] == "DUPONT" and call["query"]["date_of_birth"] == "1980-05-12"
    assert call["query"]["aliases"] == ["DUPOND", "DU PONT"] and call["query"]["nationality"] == "FR"


def test_keyword_engines_get_the_fields_they_name():
    seen = {}

    def engine(*, family_name, date_of_birth=None, unit=None):
        seen.update(family_name=family_name, date_of_birth=date_of_birth, unit=unit)
        return [{"record_id": 3, "database": "persons", "score": 0.8}]

    notice = published(NoticeFactory())
    (candidate,) = screening.screen_subject(notice, engine)
    assert seen == {"family_name": "DUPONT", "date_of_birth": "1980-05-12", "unit": notice.owner}
    assert candidate == screening.Candidate("persons", "3", 0.8, [], "")


def test_the_subjects_own_record_is_not_a_hit(monkeypatch):
    person = PersonFactory(owner=Unit.objects.get(code="ncb-fr"))
    notice = published(NoticeFactory(subject_record=person))

    def engine(*, query):
        return [{"id": person.pk, "database": "persons", "score": 1.0}, {"id": 41, "database": "persons", "score": 0.9}]

    monkeypatch.setattr(screening, "screening_function", lambda: engine)
    services.notice_screen(notice_id=notice.pk)
    assert list(NoticeHit.objects.values_list("record_id", flat=True)) == ["41"]


def test_nothing_to_screen_without_a_name(engine):
    notice = published(NoticeFactory(notice_type=NoticeType.PURPLE, family_name="", given_names=""))
    assert services.notice_screen(notice_id=notice.pk) == ScreeningStatus.NOT_APPLICABLE


def test_unpublished_notices_are_not_screened(engine):
    assert services.notice_screen(notice_id=NoticeFactory().pk) == ScreeningStatus.NOT_SCREENED
    assert not handlers.CALLS


def test_pending_notices_are_screened_again_by_the_beat_task(engine):
    notice = published(NoticeFactory())
    notice.screening_status = ScreeningStatus.PENDING
    notice.save()
    assert tasks.notice_screen_pending_task() == 1  # eager in tests: screened at once
    notice.refresh_from_db()
    assert notice.screening_status == ScreeningStatus.SCREENED


def test_orange_notice_goes_to_the_ccc_on_publication(engine, reviewer, django_capture_on_commit_callbacks):
    notice = in_status(NoticeStatus.UNDER_REVIEW, notice_type=NoticeType.ORANGE)
    with django_capture_on_commit_callbacks(execute=True):
        services.notice_publish(notice=notice, reviewer=reviewer, checklist=ALL_CLEAR)
    reasons = [call["reason"] for call in handlers.CALLS if "reason" in call]
    assert "orange_published" in reasons


def test_without_a_handler_nobody_is_called(settings):
    settings.NOTICE_ATTENTION_HANDLER = ""
    assert attention_notify(notice_id=1, reason="screening_hits", hit_ids=[]) is False


def test_screening_function_is_found_where_the_databases_app_puts_it(monkeypatch):
    monkeypatch.setattr(
        screening, "CANDIDATES", ("databases.nowhere:person_screen", "tests.notices.handlers:person_screen")
    )
    assert screening.screening_function() is handlers.person_screen
    monkeypatch.setattr(screening, "CANDIDATES", ("databases.nowhere:person_screen",))
    assert screening.screening_function() is None


def test_a_handler_that_takes_more_gets_the_requesting_ncb_and_urgency(settings, monkeypatch):
    received = {}

    def handler(notice_id, *, reason="", hit_ids=(), summary="", ncb_ids=(), urgent=False, language="en"):
        received.update(
            notice_id=notice_id,
            reason=reason,
            hit_ids=hit_ids,
            summary=summary,
            ncb_ids=ncb_ids,
            urgent=urgent,
            language=language,
        )

    monkeypatch.setattr("notices.attention.attention_handler", lambda: handler)
    notice = published(NoticeFactory())
    assert attention_notify(notice_id=notice.pk, reason="screening_hits", hit_ids=[5]) is True
    assert received["ncb_ids"] == [notice.owner_id] and received["urgent"] is True and received["hit_ids"] == [5]
    assert received["summary"].startswith(f"Red Notice {notice.entity_id}")


def test_ccc_is_given_the_hits_the_databases_app_recorded(monkeypatch, settings, django_capture_on_commit_callbacks):
    settings.NOTICE_ATTENTION_HANDLER = "tests.notices.handlers.record_attention"

    def engine(*, query):
        return [{"id": 9, "database": "persons", "score": 0.9, "hit_id": 321}, {"id": 10, "score": 0.8}]

    monkeypatch.setattr(screening, "screening_function", lambda: engine)
    notice = published(NoticeFactory())
    with django_capture_on_commit_callbacks(execute=True):
        services.notice_screen(notice_id=notice.pk)
    (call,) = handlers.CALLS
    assert call["hit_ids"] == [321]
