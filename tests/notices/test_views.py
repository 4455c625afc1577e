"""Pages of the notices app, each for a role that may use it and one that may not."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from notices.choices import ChecklistItem, DiffusionStatus, NoticeStatus
from notices.models import Diffusion, Notice
from tests.notices.factories import DiffusionFactory, NoticeFactory, in_status, photo_upload, published

pytestmark = pytest.mark.django_db


def _as(client, user):
    client.force_login(user)
    return client


def _messages(response) -> list[str]:
    return [str(message) for message in response.context["messages"]] if response.context else []


# --- requesting NCB ------------------------------------------------------------------------------------------------


def test_request_start_shows_every_type_with_its_purpose(client, officer_fr):
    response = _as(client, officer_fr).get("/en/notices/request/")
    assert response.status_code == 200
    text = response.content.decode()
    assert "with a view to extradition" in text and "unidentified bodies" in text and "Security Council" in text


@pytest.mark.parametrize("path", ["/en/notices/", "/en/notices/request/", "/en/notices/request/red/"])
def test_requester_pages_are_closed_to_other_roles(client, reviewer, path):
    assert _as(client, reviewer).get(path).status_code == 403


def test_officer_fills_a_red_notice_request(client, officer_fr):
    response = _as(client, officer_fr).get("/en/notices/request/red/")
    assert response.status_code == 200 and "judicial_basis" in response.content.decode()
    response = client.post(
        "/en/notices/request/red/",
        {
            "language": "en",
            "family_name": "Moreau",
            "given_names": "Alain",
            "sex": "M",
            "nationalities": [officer_fr.unit.country_id],
            "languages_spoken": "fre, eng",
            "summary_of_facts": "Fraud",
            "photo": photo_upload(),
        },
    )
    notice = Notice.objects.get(family_name="Moreau")
    assert response.status_code == 302 and response["Location"] == f"/en/notices/{notice.pk}/"
    assert notice.summary_of_facts_en == "Fraud" and notice.languages_spoken == ["ENG", "FRE"] and notice.photo


def test_unknown_type_is_not_found(client, officer_fr):
    assert _as(client, officer_fr).get("/en/notices/request/pink/").status_code == 404


def test_request_form_shows_only_its_types_fields(client, officer_fr):
    text = _as(client, officer_fr).get("/en/notices/request/purple/").content.decode()
    assert 'name="physical_description"' in text and 'name="warrant_reference"' not in text
    assert 'name="family_name"' not in text


def test_draft_is_edited_in_its_own_language(client, officer_fr):
    notice = NoticeFactory(created_by=officer_fr, language="fr", summary_of_facts_fr="Vol", summary_of_facts_en="Theft")
    response = _as(client, officer_fr).get(f"/en/notices/{notice.pk}/edit/")
    assert response.status_code == 200 and "Vol</textarea>" in response.content.decode()


def test_other_ncbs_cannot_open_a_draft(client, officer_es):
    notice = NoticeFactory()
    assert _as(client, officer_es).get(f"/en/notices/{notice.pk}/").status_code == 404
    assert client.get(f"/en/notices/{notice.pk}/edit/").status_code == 404
    assert client.get(f"/en/notices/{notice.pk}/photo/").status_code == 404


def test_submitted_request_is_not_editable(client, officer_fr):
    notice = in_status(NoticeStatus.SUBMITTED, created_by=officer_fr)
    response = _as(client, officer_fr).get(f"/en/notices/{notice.pk}/edit/")
    assert response.status_code == 302


def test_my_requests_lists_the_ncbs_requests_with_constant_queries(
    client, officer_fr, officer_es, django_assert_num_queries
):
    NoticeFactory(created_by=officer_fr, family_name="FIRSTREQ")
    NoticeFactory(owner=officer_es.unit, created_by=officer_es, family_name="SPANISHREQ")
    _as(client, officer_fr)
    with CaptureQueriesContext(connection) as first:
        response = client.get("/en/notices/")
    text = response.content.decode()
    assert "FIRSTREQ" in text and "SPANISHREQ" not in text
    for _ in range(5):
        in_status(NoticeStatus.UNDER_REVIEW, created_by=officer_fr)
    with django_assert_num_queries(len(first)):
        client.get("/en/notices/")


def test_submit_refused_shows_the_reasons(client, officer_fr):
    notice = NoticeFactory(created_by=officer_fr, warrant_reference="")
    response = _as(client, officer_fr).post(f"/en/notices/{notice.pk}/submit/", follow=True)
    assert any("arrest warrant" in message for message in _messages(response))
    notice.refresh_from_db()
    assert notice.status == NoticeStatus.DRAFT


def test_workflow_through_the_pages(client, officer_fr, head_fr, reviewer):
    notice = NoticeFactory(created_by=officer_fr, public_consent=True)
    assert _as(client, officer_fr).post(f"/en/notices/{notice.pk}/submit/").status_code == 302
    assert client.post(f"/en/notices/{notice.pk}/approve/").status_code == 403
    assert _as(client, head_fr).post(f"/en/notices/{notice.pk}/approve/").status_code == 302
    notice.refresh_from_db()
    assert notice.status == NoticeStatus.UNDER_REVIEW
    assert _as(client, reviewer).get(f"/en/notices/{notice.pk}/review/").status_code == 200
    response = client.post(
        f"/en/notices/{notice.pk}/review/", {"decision": "publish", **dict.fromkeys(ChecklistItem.values, "on")}
    )
    assert response.status_code == 302
    notice.refresh_from_db()
    assert notice.status == NoticeStatus.PUBLISHED
    detail = _as(client, officer_fr).get(f"/en/notices/{notice.pk}/").content.decode()
    assert notice.entity_id in detail and "Public extract" in detail


def test_review_with_an_unticked_item_is_refused(client, reviewer):
    notice = in_status(NoticeStatus.UNDER_REVIEW)
    response = _as(client, reviewer).post(f"/en/notices/{notice.pk}/review/", {"decision": "publish"}, follow=True)
    assert any("checklist" in message for message in _messages(response))
    notice.refresh_from_db()
    assert notice.status == NoticeStatus.UNDER_REVIEW


def test_reviewer_refuses_on_the_review_page(client, reviewer):
    notice = in_status(NoticeStatus.UNDER_REVIEW)
    _as(client, reviewer).post(f"/en/notices/{notice.pk}/review/", {"decision": "refuse", "reasons": "Article 3."})
    notice.refresh_from_db()
    assert notice.status == NoticeStatus.REFUSED


def test_head_returns_cancels_and_extends_through_the_pages(client, head_fr):
    submitted = in_status(NoticeStatus.SUBMITTED)
    _as(client, head_fr).post(f"/en/notices/{submitted.pk}/return/", {"reasons": "Add the date."})
    submitted.refresh_from_db()
    assert submitted.status == NoticeStatus.DRAFT
    client.post(f"/en/notices/{submitted.pk}/cancel/", {"reasons": "Duplicate."})
    submitted.refresh_from_db()
    assert submitted.status == NoticeStatus.CANCELLED
    response = client.post(f"/en/notices/{published(NoticeFactory()).pk}/extend/", {"reasons": "Still wanted"})
    assert response.status_code == 403  # years before the extension window


def test_action_pages_take_posts_only(client, officer_fr):
    notice = NoticeFactory(created_by=officer_fr)
    assert _as(client, officer_fr).get(f"/en/notices/{notice.pk}/submit/").status_code == 405


def test_translation_page(client, officer_fr):
    notice = NoticeFactory(created_by=officer_fr)
    assert _as(client, officer_fr).get(f"/en/notices/{notice.pk}/translate/").status_code == 200
    client.post(f"/en/notices/{notice.pk}/translate/", {"language": "fr", "summary_of_facts": "Vol à main armée"})
    notice.refresh_from_db()
    assert notice.summary_of_facts_fr == "Vol à main armée"
    french = client.get(f"/fr/notices/{notice.pk}/").content.decode()
    assert "Vol à main armée" in french


def test_public_consent_page_action(client, officer_fr):
    notice = published(NoticeFactory())
    _as(client, officer_fr).post(f"/en/notices/{notice.pk}/public-consent/", {"public_consent": "on"})
    assert hasattr(Notice.objects.get(pk=notice.pk), "public_extract")


def test_photo_is_served_to_those_who_see_the_notice(client, officer_fr, officer_es):
    notice = NoticeFactory(created_by=officer_fr, photo=photo_upload())
    response = _as(client, officer_fr).get(f"/en/notices/{notice.pk}/photo/")
    assert response.status_code == 200 and response["Content-Type"] == "image/png"
    assert _as(client, officer_es).get(f"/en/notices/{notice.pk}/photo/").status_code == 404


# --- reviewers and search ------------------------------------------------------------------------------------------


def test_review_queue_shows_the_target_and_has_constant_queries(client, reviewer, head_fr, django_assert_num_queries):
    in_status(NoticeStatus.UNDER_REVIEW, family_name="QUEUED")
    NoticeFactory(family_name="DRAFTED")
    DiffusionFactory(to=["ES"])
    _as(client, reviewer)
    with CaptureQueriesContext(connection) as first:
        text = client.get("/en/notices/review/").content.decode()
    assert "QUEUED" in text and "DRAFTED" not in text and "in 23" in text
    for _ in range(4):
        in_status(NoticeStatus.UNDER_REVIEW)
        DiffusionFactory(to=["ES"])
    with django_assert_num_queries(len(first)):
        client.get("/en/notices/review/")
    assert _as(client, head_fr).get("/en/notices/review/").status_code == 403


def test_search_of_published_notices(client, officer_es, trainer, django_assert_num_queries):
    published(NoticeFactory(family_name="FINDME"))
    NoticeFactory(family_name="FINDME")
    _as(client, officer_es)
    with CaptureQueriesContext(connection) as first:
        response = client.get("/en/notices/search/", {"text": "findme"})
    assert response.context["page"].paginator.count == 1
    for _ in range(4):
        published(NoticeFactory(family_name="FINDME"))
    with django_assert_num_queries(len(first)):
        client.get("/en/notices/search/", {"text": "findme"})
    assert _as(client, trainer).get("/en/notices/search/").status_code == 403


# --- diffusions ----------------------------------------------------------------------------------------------------


def test_ncb_sends_a_diffusion_from_the_page(client, officer_fr, ncb_es):
    assert _as(client, officer_fr).get("/en/notices/diffusions/new/blue/").status_code == 200
    response = client.post(
        "/en/notices/diffusions/new/blue/",
        {
            "language": "en",
            "family_name": "Garnier",
            "summary_of_facts": "Seen in Irun.",
            "countries": [ncb_es.country_id],
        },
    )
    diffusion = Diffusion.objects.get(family_name="Garnier")
    assert response.status_code == 302 and list(diffusion.restriction_countries.all()) == [ncb_es.country]


def test_diffusion_pages_by_role(client, officer_es, officer_eg, reviewer):
    diffusion = DiffusionFactory(to=["ES"])
    assert _as(client, officer_es).get(f"/en/notices/diffusions/{diffusion.pk}/").status_code == 200
    assert client.get("/en/notices/diffusions/new/red/").status_code == 200
    assert _as(client, officer_eg).get(f"/en/notices/diffusions/{diffusion.pk}/").status_code == 404
    assert _as(client, reviewer).get("/en/notices/diffusions/new/red/").status_code == 403
    assert _as(client, officer_es).get(f"/en/notices/diffusions/{diffusion.pk}/review/").status_code == 403


def test_reviewer_withdraws_a_diffusion(client, reviewer, officer_es):
    diffusion = DiffusionFactory(to=["ES"])
    _as(client, reviewer).post(
        f"/en/notices/diffusions/{diffusion.pk}/review/", {"decision": "withdraw", "reasons": "Political (Article 3)."}
    )
    diffusion.refresh_from_db()
    assert diffusion.status == DiffusionStatus.WITHDRAWN
    assert _as(client, officer_es).get(f"/en/notices/diffusions/{diffusion.pk}/").status_code == 404


def test_diffusion_list_with_constant_queries(client, officer_es, django_assert_num_queries):
    DiffusionFactory(to=["ES"], family_name="RECEIVED")
    DiffusionFactory(to=["MA"], family_name="NOTFORME")
    _as(client, officer_es)
    with CaptureQueriesContext(connection) as first:
        text = client.get("/en/notices/diffusions/").content.decode()
    assert "RECEIVED" in text and "NOTFORME" not in text
    for _ in range(4):
        DiffusionFactory(to=["ES"])
    with django_assert_num_queries(len(first)):
        client.get("/en/notices/diffusions/")


# --- public site ---------------------------------------------------------------------------------------------------


def test_public_list_shows_consented_notices_with_thumbnails(client):
    shown = published(NoticeFactory(family_name="PUBLICNAME", photo=photo_upload()), consent=True)
    published(NoticeFactory(family_name="PRIVATENAME"), consent=False)
    response = client.get("/en/notices/public/")
    text = response.content.decode()
    assert response.status_code == 200 and "PUBLICNAME" in text and "PRIVATENAME" not in text
    assert f"/public/notices/photos/{shown.entity_id.replace('/', '-')}" in text
    assert "SECRET" not in text


def test_public_detail_shows_the_extract_only(client):
    notice = published(NoticeFactory(), consent=True)
    response = client.get(f"/en/notices/public/red/{notice.entity_id.replace('/', '-')}/")
    text = response.content.decode()
    assert response.status_code == 200 and "Armed robbery" in text
    assert "SECRET-FACTS-MARKER" not in text and "WARRANT-SECRET-123" not in text


def test_public_detail_of_a_non_public_notice_is_not_found(client):
    notice = published(NoticeFactory(), consent=False)
    assert client.get(f"/en/notices/public/red/{notice.entity_id.replace('/', '-')}/").status_code == 404


def test_anonymous_visitors_are_sent_to_sign_in(client):
    notice = published(NoticeFactory(), consent=True)
    response = client.get(f"/en/notices/{notice.pk}/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


@pytest.mark.parametrize(
    "fixture, path, method, status",
    [
        ("head_fr", "/en/notices/{draft}/review/", "get", 403),
        ("officer_fr", "/en/notices/{review}/review/", "get", 403),
        ("reviewer", "/en/notices/{review}/review/", "get", 200),
        ("officer_es", "/en/notices/{draft}/translate/", "get", 404),
        ("officer_fr", "/en/notices/{draft}/translate/", "get", 200),
        ("officer_es", "/en/notices/{published}/public-consent/", "post", 403),
        ("officer_es", "/en/notices/{published}/cancel/", "post", 403),
        ("ccc_officer", "/en/notices/{published}/", "get", 200),
        ("ccc_officer", "/en/notices/{draft}/", "get", 404),
        ("trainer", "/en/notices/{published}/", "get", 403),
        ("trainer", "/en/notices/diffusions/", "get", 403),
        ("reviewer", "/en/notices/diffusions/", "get", 200),
        ("ccc_officer", "/en/notices/request/", "get", 403),
        ("officer_es", "/en/notices/{published}/photo/", "get", 200),
        ("officer_eg", "/en/notices/diffusions/{diffusion}/photo/", "get", 404),
        ("officer_es", "/en/notices/diffusions/{diffusion}/photo/", "get", 200),
    ],
)
def test_page_access_by_role(client, request, fixture, path, method, status):
    photo = {"photo": photo_upload()}
    records = {
        "draft": NoticeFactory().pk,
        "review": in_status(NoticeStatus.UNDER_REVIEW).pk,
        "published": published(NoticeFactory(**photo)).pk,
        "diffusion": DiffusionFactory(to=["ES"], photo=photo_upload()).pk,
    }
    data = {"reasons": "Because."} if method == "post" else {}
    response = getattr(_as(client, request.getfixturevalue(fixture)), method)(path.format(**records), data)
    assert response.status_code == status
