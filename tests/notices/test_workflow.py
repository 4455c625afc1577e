"""Every workflow transition, allowed for the role that owns it and refused for the others; each one audited."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from ncb.models import AuditEntry, Notification
from notices import services
from notices.choices import ChecklistItem, NoticeStatus, NoticeType, ScreeningStatus
from notices.models import NoticeEvent, PublicExtract
from tests.notices.factories import NoticeFactory, in_status

pytestmark = pytest.mark.django_db

ALL_CLEAR = dict.fromkeys(ChecklistItem.values, True)


def _audited(notice, action: str) -> bool:
    return AuditEntry.objects.filter(action=action, target_type="notices.notice", target_id=str(notice.pk)).exists()


# --- create and edit -------------------------------------------------------------------------------------------


def test_officer_creates_a_draft_for_their_ncb(officer_fr):
    notice = services.notice_create(
        actor=officer_fr,
        notice_type="red",
        data={
            "language": "fr",
            "family_name": "Durand",
            "summary_of_facts": "Vol",
            "public_consent": True,
        },
    )
    assert notice.status == NoticeStatus.DRAFT and notice.owner == officer_fr.unit
    assert notice.summary_of_facts_fr == "Vol" and notice.summary_of_facts_en in ("", None)
    assert _audited(notice, "notice.create")


@pytest.mark.parametrize("fixture", ["reviewer", "ccc_officer", "trainer"])
def test_only_ncb_staff_may_request_a_notice(request, fixture):
    with pytest.raises(PermissionDenied):
        services.notice_create(actor=request.getfixturevalue(fixture), notice_type="red", data={})


def test_fields_the_type_does_not_use_are_ignored(officer_fr):
    notice = services.notice_create(
        actor=officer_fr,
        notice_type="purple",
        data={
            "summary_of_facts": "Drugs hidden in tyres",
            "family_name": "Nobody",
            "warrant_reference": "X",
        },
    )
    assert notice.family_name == "" and notice.warrant_reference == ""


def test_draft_is_edited_by_its_ncb_only(officer_fr, officer_es):
    notice = NoticeFactory(created_by=officer_fr)
    services.notice_update(notice=notice, actor=officer_fr, data={"facts_place": "Marseille"})
    notice.refresh_from_db()
    assert notice.facts_place == "Marseille"
    with pytest.raises(PermissionDenied):
        services.notice_update(notice=notice, actor=officer_es, data={"facts_place": "Madrid"})


def test_submitted_request_can_no_longer_be_edited(officer_fr):
    notice = in_status(NoticeStatus.SUBMITTED, created_by=officer_fr)
    with pytest.raises(PermissionDenied):
        services.notice_update(notice=notice, actor=officer_fr, data={"facts_place": "Nice"})


# --- submit ------------------------------------------------------------------------------------------------------


def test_officer_submits_a_complete_draft(officer_fr):
    notice = services.notice_submit(notice=NoticeFactory(created_by=officer_fr), actor=officer_fr)
    assert notice.status == NoticeStatus.SUBMITTED and notice.submitted_at
    assert _audited(notice, "notice.submit")
    assert Notification.objects.filter(unit=notice.owner, kind="notice_submitted").exists()


def test_incomplete_red_notice_is_refused_on_submission_with_reasons(officer_fr):
    notice = NoticeFactory(created_by=officer_fr, maximum_penalty_months=12, warrant_reference="")
    with pytest.raises(services.NoticeIncomplete) as refusal:
        services.notice_submit(notice=notice, actor=officer_fr)
    assert len(refusal.value.messages) == 2
    notice.refresh_from_db()
    assert notice.status == NoticeStatus.DRAFT
    assert _audited(notice, "notice.submit_refused")


@pytest.mark.parametrize("fixture", ["officer_es", "reviewer", "head_es"])
def test_others_may_not_submit_an_ncbs_request(request, fixture):
    with pytest.raises(PermissionDenied):
        services.notice_submit(notice=NoticeFactory(), actor=request.getfixturevalue(fixture))


def test_request_is_submitted_only_once(officer_fr):
    notice = in_status(NoticeStatus.SUBMITTED, created_by=officer_fr)
    with pytest.raises(PermissionDenied):
        services.notice_submit(notice=notice, actor=officer_fr)


# --- approve or return (NCB head) --------------------------------------------------------------------------------


def test_ncb_head_approves_and_the_review_clock_starts(head_fr):
    notice = services.notice_approve(notice=in_status(NoticeStatus.SUBMITTED), actor=head_fr)
    assert notice.status == NoticeStatus.UNDER_REVIEW
    assert notice.review_due_at - notice.review_started_at == timedelta(hours=24)
    assert _audited(notice, "notice.approve")


@pytest.mark.parametrize("fixture", ["officer_fr", "head_es", "reviewer"])
def test_only_the_head_of_the_requesting_ncb_approves(request, fixture):
    with pytest.raises(PermissionDenied):
        services.notice_approve(notice=in_status(NoticeStatus.SUBMITTED), actor=request.getfixturevalue(fixture))


def test_head_may_not_approve_a_draft(head_fr):
    with pytest.raises(PermissionDenied):
        services.notice_approve(notice=NoticeFactory(), actor=head_fr)


def test_head_returns_a_request_with_reasons(head_fr):
    notice = in_status(NoticeStatus.SUBMITTED)
    with pytest.raises(ValidationError):
        services.notice_return(notice=notice, actor=head_fr, reasons="  ")
    notice = services.notice_return(notice=notice, actor=head_fr, reasons="Add the warrant's date.")
    assert notice.status == NoticeStatus.DRAFT
    assert NoticeEvent.objects.get(notice=notice, action="return").reasons == "Add the warrant's date."
    assert Notification.objects.filter(user=notice.created_by, kind="notice_returned").exists()


def test_officer_may_not_return_a_request(officer_fr):
    with pytest.raises(PermissionDenied):
        services.notice_return(notice=in_status(NoticeStatus.SUBMITTED), actor=officer_fr, reasons="No")


# --- publish or refuse (reviewer) --------------------------------------------------------------------------------


def test_reviewer_publishes_with_a_full_checklist(reviewer, django_capture_on_commit_callbacks):
    notice = in_status(NoticeStatus.UNDER_REVIEW, public_consent=True)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        notice = services.notice_publish(notice=notice, reviewer=reviewer, checklist=ALL_CLEAR)
    assert notice.status == NoticeStatus.PUBLISHED
    assert notice.entity_id.startswith(f"{notice.published_at.year}/") and len(notice.entity_id) == 10
    assert notice.expires_at.year == notice.published_at.year + 5
    assert PublicExtract.objects.filter(notice=notice).exists()
    assert NoticeEvent.objects.get(notice=notice, action="publish").checklist == ALL_CLEAR
    assert _audited(notice, "notice.publish")
    assert len(callbacks) == 1  # the screening task, queued on commit
    notice.refresh_from_db()
    assert notice.screening_status in (ScreeningStatus.PENDING, ScreeningStatus.SCREENED)


def test_control_numbers_follow_each_other(reviewer):
    first = services.notice_publish(notice=in_status(NoticeStatus.UNDER_REVIEW), reviewer=reviewer, checklist=ALL_CLEAR)
    second = services.notice_publish(
        notice=in_status(NoticeStatus.UNDER_REVIEW), reviewer=reviewer, checklist=ALL_CLEAR
    )
    assert int(second.entity_id[5:]) == int(first.entity_id[5:]) + 1


def test_no_public_extract_without_the_ncbs_consent(reviewer):
    notice = services.notice_publish(
        notice=in_status(NoticeStatus.UNDER_REVIEW, public_consent=False), reviewer=reviewer, checklist=ALL_CLEAR
    )
    assert not PublicExtract.objects.filter(notice=notice).exists()


def test_no_public_extract_for_types_that_are_never_public(reviewer):
    notice = in_status(NoticeStatus.UNDER_REVIEW, notice_type=NoticeType.GREEN, public_consent=True)
    services.notice_publish(notice=notice, reviewer=reviewer, checklist=ALL_CLEAR)
    assert not PublicExtract.objects.filter(notice=notice).exists()


@pytest.mark.parametrize("item", ChecklistItem.values)
def test_publication_needs_every_checklist_item(reviewer, item):
    notice = in_status(NoticeStatus.UNDER_REVIEW)
    with pytest.raises(ValidationError):
        services.notice_publish(notice=notice, reviewer=reviewer, checklist={**ALL_CLEAR, item: False})
    notice.refresh_from_db()
    assert notice.status == NoticeStatus.UNDER_REVIEW


def test_publication_reruns_the_completeness_check(reviewer):
    notice = in_status(NoticeStatus.UNDER_REVIEW, maximum_penalty_months=6)
    with pytest.raises(services.NoticeIncomplete):
        services.notice_publish(notice=notice, reviewer=reviewer, checklist=ALL_CLEAR)


@pytest.mark.parametrize("fixture", ["head_fr", "officer_fr", "ccc_officer"])
def test_only_reviewers_publish(request, fixture):
    with pytest.raises(PermissionDenied):
        services.notice_publish(
            notice=in_status(NoticeStatus.UNDER_REVIEW), reviewer=request.getfixturevalue(fixture), checklist=ALL_CLEAR
        )


@pytest.mark.parametrize("status", [NoticeStatus.DRAFT, NoticeStatus.SUBMITTED, NoticeStatus.REFUSED])
def test_reviewer_publishes_only_requests_under_review(reviewer, status):
    with pytest.raises(PermissionDenied):
        services.notice_publish(notice=in_status(status), reviewer=reviewer, checklist=ALL_CLEAR)


def test_reviewer_refuses_with_reasons(reviewer):
    notice = in_status(NoticeStatus.UNDER_REVIEW)
    with pytest.raises(ValidationError):
        services.notice_refuse(notice=notice, reviewer=reviewer, checklist={}, reasons="")
    notice = services.notice_refuse(
        notice=notice, reviewer=reviewer, checklist={"article_3": False}, reasons="Political character (Article 3)."
    )
    assert notice.status == NoticeStatus.REFUSED
    event = NoticeEvent.objects.get(notice=notice, action="refuse")
    assert event.reasons == "Political character (Article 3)." and event.checklist["article_3"] is False
    assert _audited(notice, "notice.refuse")
    assert Notification.objects.filter(unit=notice.owner, kind="notice_refused").exists()


def test_ncb_head_may_not_refuse(head_fr):
    with pytest.raises(PermissionDenied):
        services.notice_refuse(
            notice=in_status(NoticeStatus.UNDER_REVIEW), reviewer=head_fr, checklist={}, reasons="No"
        )


# --- cancel ------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "status", [NoticeStatus.DRAFT, NoticeStatus.SUBMITTED, NoticeStatus.UNDER_REVIEW, NoticeStatus.PUBLISHED]
)
def test_requesting_ncb_cancels_an_open_request(officer_fr, status):
    notice = services.notice_cancel(
        notice=in_status(status, public_consent=True), actor=officer_fr, reasons="Arrested."
    )
    assert notice.status == NoticeStatus.CANCELLED
    assert not PublicExtract.objects.filter(notice=notice).exists()
    assert _audited(notice, "notice.cancel")


def test_reviewer_cancels_a_published_notice_and_the_ncb_is_told(reviewer):
    notice = services.notice_cancel(
        notice=in_status(NoticeStatus.PUBLISHED), actor=reviewer, reasons="New information on refugee status."
    )
    assert notice.status == NoticeStatus.CANCELLED
    assert Notification.objects.filter(unit=notice.owner, kind="notice_cancelled").exists()


def test_other_ncbs_may_not_cancel(officer_es):
    with pytest.raises(PermissionDenied):
        services.notice_cancel(notice=in_status(NoticeStatus.PUBLISHED), actor=officer_es, reasons="No")


@pytest.mark.parametrize("status", [NoticeStatus.REFUSED, NoticeStatus.CANCELLED, NoticeStatus.EXPIRED])
def test_closed_requests_cannot_be_cancelled(officer_fr, status):
    with pytest.raises(PermissionDenied):
        services.notice_cancel(notice=in_status(status), actor=officer_fr, reasons="Again")


def test_cancel_needs_reasons(officer_fr):
    with pytest.raises(ValidationError):
        services.notice_cancel(notice=NoticeFactory(), actor=officer_fr, reasons="")


# --- translations and public consent -------------------------------------------------------------------------------


def test_translation_is_added_without_touching_the_original(officer_fr):
    notice = NoticeFactory(language="fr", summary_of_facts_fr="Vol à main armée", summary_of_facts_en="")
    notice = services.notice_translation_add(
        notice=notice, actor=officer_fr, language="en", texts={"summary_of_facts": "Armed robbery"}
    )
    notice.refresh_from_db()
    assert notice.summary_of_facts_fr == "Vol à main armée" and notice.summary_of_facts_en == "Armed robbery"


def test_reading_falls_back_to_the_original_language():
    from django.utils import translation

    notice = NoticeFactory(language="fr", summary_of_facts_fr="Vol", summary_of_facts_en="", summary_of_facts_es="")
    with translation.override("es"):
        assert notice.summary_of_facts == "Vol"


def test_translation_in_the_original_language_is_refused(officer_fr):
    with pytest.raises(ValidationError):
        services.notice_translation_add(
            notice=NoticeFactory(), actor=officer_fr, language="en", texts={"summary_of_facts": "x"}
        )


def test_public_consent_withdrawn_removes_the_extract(officer_fr):
    notice = in_status(NoticeStatus.PUBLISHED, public_consent=True)
    assert PublicExtract.objects.filter(notice=notice).exists()
    services.notice_public_consent_set(notice=notice, actor=officer_fr, consent=False)
    assert not PublicExtract.objects.filter(notice=notice).exists()
    services.notice_public_consent_set(notice=notice, actor=officer_fr, consent=True)
    assert PublicExtract.objects.filter(notice=notice).exists()


def test_other_ncbs_may_not_publish_an_extract(officer_es):
    with pytest.raises(PermissionDenied):
        services.notice_public_consent_set(notice=in_status(NoticeStatus.PUBLISHED), actor=officer_es, consent=True)


# --- the subject's record in the persons database ----------------------------------------------------------------


def test_request_links_a_person_record_its_ncb_may_see(officer_fr):
    from tests.databases.factories import PersonFactory

    person = PersonFactory()
    notice = services.notice_create(actor=officer_fr, notice_type="red", data={"subject_record": person.pk})
    assert notice.subject_record == person


def test_request_cannot_link_a_record_hidden_from_its_ncb(officer_fr):
    from ncb.choices import Restriction
    from tests.databases.factories import PersonFactory
    from tests.notices.factories import country

    person = PersonFactory(restriction=Restriction.ALL_EXCEPT)
    person.restriction_countries.set([country("FR")])
    with pytest.raises(ValidationError) as refusal:
        services.notice_create(actor=officer_fr, notice_type="red", data={"subject_record": person.pk})
    assert "subject_record" in refusal.value.message_dict
