"""The NCB systems' API for notices and diffusions: who may call what, filters, pagination, query counts."""

import pytest
from rest_framework.test import APIClient

from ncb.models import AuditEntry
from ncb.services import api_token_create
from notices.choices import NoticeStatus
from notices.models import Notice
from tests.notices.factories import DiffusionFactory, NoticeFactory, in_status, published

pytestmark = pytest.mark.django_db


def _client(user) -> APIClient:
    _token, key = api_token_create(user=user, name="test")
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    return client


RED = {
    "notice_type": "red",
    "language": "fr",
    "family_name": "Durand",
    "given_names": "Luc",
    "sex": "M",
    "date_of_birth": "1975-01-02",
    "nationalities": ["fr", "MA"],
    "physical_description": "Grand",
    "summary_of_facts": "Escroquerie en bande organisée",
    "facts_date": "2024-01-01",
    "facts_place": "Lyon",
    "charges": "Escroquerie",
    "law": "Code pénal, art. 313-2",
    "judicial_basis": "prosecution",
    "maximum_penalty_months": 120,
    "warrant_reference": "MA-2024-1",
    "warrant_issued_on": "2024-02-01",
    "warrant_authority": "Juge d'instruction de Lyon",
    "warrant_country": "FR",
    "languages_spoken": ["fre"],
}


def test_ncb_system_creates_then_submits_a_request(officer_fr):
    client = _client(officer_fr)
    response = client.post("/api/v1/notices/", RED, format="json")
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["status"] == "draft" and body["nationalities"] == ["FR", "MA"] and body["language"] == "fr"
    assert body["summary_of_facts"] == "Escroquerie en bande organisée"
    response = client.post(f"/api/v1/notices/{body['id']}/submit/")
    assert response.status_code == 200, response.content
    assert response.json()["status"] == "submitted"


def test_incomplete_submission_answers_400_with_reasons(officer_fr):
    client = _client(officer_fr)
    created = client.post("/api/v1/notices/", {**RED, "maximum_penalty_months": 12}, format="json").json()
    response = client.post(f"/api/v1/notices/{created['id']}/submit/")
    assert response.status_code == 400
    assert "24" in str(response.json())


def test_fields_the_type_does_not_use_are_refused(officer_fr):
    response = _client(officer_fr).post(
        "/api/v1/notices/", {"notice_type": "purple", "warrant_reference": "X"}, format="json"
    )
    assert response.status_code == 400 and "warrant_reference" in response.json()


@pytest.mark.parametrize("fixture", ["reviewer", "ccc_officer"])
def test_only_ncbs_create_requests(request, fixture):
    response = _client(request.getfixturevalue(fixture)).post("/api/v1/notices/", RED, format="json")
    assert response.status_code == 403


def test_roles_without_notices_are_refused(trainer):
    assert _client(trainer).get("/api/v1/notices/").status_code == 403


def test_list_shows_own_requests_and_published_notices_only(officer_es, officer_fr):
    own = NoticeFactory(owner=officer_es.unit, created_by=officer_es)
    foreign_draft = NoticeFactory()
    foreign_published = published(NoticeFactory())
    ids = {item["id"] for item in _client(officer_es).get("/api/v1/notices/").json()["results"]}
    assert ids == {own.pk, foreign_published.pk}
    assert _client(officer_es).get(f"/api/v1/notices/{foreign_draft.pk}/").status_code == 404
    assert AuditEntry.objects.filter(action="notice.api_list", actor=officer_es).exists()


def test_list_filters(officer_es):
    published(NoticeFactory(family_name="ZETA"))
    NoticeFactory(owner=officer_es.unit, created_by=officer_es, family_name="OWN")
    client = _client(officer_es)

    def names(**params):
        return sorted(item["family_name"] for item in client.get("/api/v1/notices/", params).json()["results"])

    assert names(mine="true") == ["OWN"]
    assert names(status="published") == ["ZETA"]
    assert names(name="zet") == ["ZETA"]
    assert names(nationality="FR") == ["OWN", "ZETA"]
    assert names(notice_type="yellow") == []


def test_list_is_paginated_with_a_constant_number_of_queries(officer_fr, django_assert_num_queries):
    client = _client(officer_fr)
    NoticeFactory(created_by=officer_fr)
    client.get("/api/v1/notices/")  # warm the per-token caches

    # Token and roles come from the cache; then count, page, nationalities, audit row.
    with django_assert_num_queries(4):
        client.get("/api/v1/notices/")
    for _ in range(5):
        NoticeFactory(created_by=officer_fr)
    with django_assert_num_queries(4):
        body = client.get("/api/v1/notices/", {"limit": 3}).json()
    assert body["count"] == 6 and len(body["results"]) == 3 and body["next"]


def test_detail_is_audited(officer_fr):
    notice = NoticeFactory(created_by=officer_fr)
    body = _client(officer_fr).get(f"/api/v1/notices/{notice.pk}/").json()
    assert body["warrant_reference"] == "WARRANT-SECRET-123" and body["review_due_at"] is None
    assert AuditEntry.objects.filter(action="notice.view", target_id=str(notice.pk)).exists()


def test_anonymous_callers_are_refused():
    assert APIClient().get("/api/v1/notices/").status_code in (401, 403)


def test_ncb_sends_a_diffusion_to_chosen_countries(officer_fr, officer_es, officer_eg):
    body = {"diffusion_type": "blue", "family_name": "Roux", "summary_of_facts": "Seen in Irun.", "countries": ["ES"]}
    response = _client(officer_fr).post("/api/v1/diffusions/", body, format="json")
    assert response.status_code == 201, response.content
    created = response.json()
    assert created["countries"] == ["ES"] and created["to_all"] is False
    assert _client(officer_es).get(f"/api/v1/diffusions/{created['id']}/").status_code == 200
    assert _client(officer_eg).get(f"/api/v1/diffusions/{created['id']}/").status_code == 404


def test_diffusion_needs_addressees(officer_fr):
    response = _client(officer_fr).post(
        "/api/v1/diffusions/", {"diffusion_type": "blue", "summary_of_facts": "x"}, format="json"
    )
    assert response.status_code == 400


def test_addressee_does_not_learn_the_other_addressees(officer_es):
    diffusion = DiffusionFactory(to=["ES", "MA"])
    body = _client(officer_es).get(f"/api/v1/diffusions/{diffusion.pk}/").json()
    assert body["countries"] == ["ES"]


def test_diffusion_list_received_and_sent(officer_es):
    received = DiffusionFactory(to=["ES"])
    sent = DiffusionFactory(owner=officer_es.unit, sent_by=officer_es, to=["FR"])
    DiffusionFactory(to=["MA"])
    client = _client(officer_es)
    assert {d["id"] for d in client.get("/api/v1/diffusions/").json()["results"]} == {received.pk, sent.pk}
    assert [d["id"] for d in client.get("/api/v1/diffusions/", {"box": "received"}).json()["results"]] == [received.pk]


def test_api_create_is_the_same_workflow_as_the_pages(officer_fr, head_fr):
    created = _client(officer_fr).post("/api/v1/notices/", RED, format="json").json()
    _client(officer_fr).post(f"/api/v1/notices/{created['id']}/submit/")
    assert Notice.objects.get(pk=created["id"]).status == NoticeStatus.SUBMITTED
    # The NCB head still approves in the portal; the API has no shortcut to the review.
    assert _client(head_fr).post(f"/api/v1/notices/{created['id']}/approve/").status_code == 404


def test_other_ncbs_cannot_submit_a_request(officer_es):
    notice = in_status(NoticeStatus.PUBLISHED)
    assert _client(officer_es).post(f"/api/v1/notices/{notice.pk}/submit/").status_code == 403
