"""The CCC API for NCB systems: own NCB's cases only, own thread's messages only, constant query counts."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from rest_framework.test import APIClient

from ccc import services
from ccc.models import Case, Thread
from ncb.services import api_token_create
from tests.ccc.factories import CaseFactory, MessageFactory, ThreadFactory

pytestmark = pytest.mark.django_db


def api_for(user) -> APIClient:
    _token, key = api_token_create(user=user, name="test")
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    return client


@pytest.fixture
def api_fr(officer_fr):
    return api_for(officer_fr)


@pytest.fixture
def api_es(officer_es):
    return api_for(officer_es)


def test_anonymous_and_ccc_staff_are_refused(case, duty_officer):
    assert APIClient().get("/api/v1/ccc/cases/").status_code in (401, 403)
    client = api_for(duty_officer)
    assert client.get("/api/v1/ccc/cases/").status_code == 403
    assert client.get(f"/api/v1/ccc/cases/{case.pk}/").status_code == 403
    assert client.get(f"/api/v1/ccc/cases/{case.pk}/messages/").status_code == 403
    assert client.post(f"/api/v1/ccc/cases/{case.pk}/messages/", {"body": "x", "language": "en"}).status_code == 403
    assert client.post("/api/v1/ccc/cases/", {"summary": "x"}).status_code == 403
    assert client.get("/api/v1/ccc/attachments/1/").status_code == 403


def test_list_shows_only_cases_concerning_the_callers_ncb(api_fr, case, ncb_eg):
    other = CaseFactory(summary="Egypt only")
    ThreadFactory(case=other, ncb=ncb_eg)
    body = api_fr.get("/api/v1/ccc/cases/").json()
    assert [row["id"] for row in body["results"]] == [case.pk]
    assert body["results"][0]["reference"] == case.reference
    assert api_fr.get(f"/api/v1/ccc/cases/{other.pk}/").status_code == 404
    assert api_fr.get(f"/api/v1/ccc/cases/{other.pk}/messages/").status_code == 404


def test_list_filters_and_paginates(api_fr, ncb_fr):
    for priority in ("urgent", "standard", "urgent"):
        ThreadFactory(case=CaseFactory(priority=priority), ncb=ncb_fr)
    assert api_fr.get("/api/v1/ccc/cases/?priority=urgent").json()["count"] == 2
    page = api_fr.get("/api/v1/ccc/cases/?limit=1&offset=1").json()
    assert page["count"] == 3 and len(page["results"]) == 1 and page["next"]
    assert api_fr.get("/api/v1/ccc/cases/?status=nonsense").status_code == 400


def test_messages_are_only_the_callers_own_thread(api_fr, api_es, case, ncb_fr, ncb_es):
    MessageFactory(thread=Thread.objects.get(case=case, ncb=ncb_fr), body="pour la France")
    MessageFactory(thread=Thread.objects.get(case=case, ncb=ncb_es), body="para España")
    assert [m["body"] for m in api_fr.get(f"/api/v1/ccc/cases/{case.pk}/messages/").json()["results"]] == [
        "pour la France"
    ]
    assert [m["body"] for m in api_es.get(f"/api/v1/ccc/cases/{case.pk}/messages/").json()["results"]] == [
        "para España"
    ]
    detail = api_fr.get(f"/api/v1/ccc/cases/{case.pk}/").json()
    assert detail["message_count"] == 1 and detail["messages_url"] == f"/api/v1/ccc/cases/{case.pk}/messages/"


def test_post_a_message_as_json_and_with_an_attachment(api_fr, case, ncb_fr):
    response = api_fr.post(f"/api/v1/ccc/cases/{case.pk}/messages/", {"body": "Reçu.", "language": "fr"}, format="json")
    assert response.status_code == 201
    assert response.json()["from_ccc"] is False
    response = api_fr.post(
        f"/api/v1/ccc/cases/{case.pk}/messages/",
        {
            "body": "Scan",
            "language": "fr",
            "attachments": [SimpleUploadedFile("scan.png", b"\x89PNG\r\n\x1a\n0000")],
        },
        format="multipart",
    )
    assert response.status_code == 201
    attachment = response.json()["attachments"][0]
    assert attachment["content_type"] == "image/png"
    download = api_fr.get(attachment["url"])
    assert download.status_code == 200 and download["Content-Type"] == "image/png"


def test_an_attachment_of_the_wrong_type_is_a_400(api_fr, case):
    response = api_fr.post(
        f"/api/v1/ccc/cases/{case.pk}/messages/",
        {
            "body": "x",
            "language": "en",
            "attachments": [SimpleUploadedFile("x.pdf", b"\x7fELF\x02\x01")],
        },
        format="multipart",
    )
    assert response.status_code == 400


def test_another_ncb_cannot_download_an_attachment(api_es, case, ncb_fr, duty_officer):
    thread = Thread.objects.get(case=case, ncb=ncb_fr)
    message = services.message_send(
        thread=thread,
        author=duty_officer,
        body="see",
        language="en",
        from_ccc=True,
        files=[SimpleUploadedFile("r.txt", b"secret reference")],
    )
    attachment = message.attachments.get()
    assert api_es.get(f"/api/v1/ccc/attachments/{attachment.pk}/").status_code == 404


def test_an_ncb_system_sends_an_urgent_request(api_fr, ncb_fr):
    response = api_fr.post(
        "/api/v1/ccc/cases/",
        {
            "summary": "Border alert",
            "details": "Passenger matches a diffusion.",
            "priority": "urgent",
            "language": "fr",
        },
        format="json",
    )
    assert response.status_code == 201
    case = Case.objects.get(pk=response.json()["id"])
    assert case.threads.get().ncb == ncb_fr and response.json()["message_count"] == 1


def test_closed_case_refuses_messages_with_409(api_fr, case):
    Case.objects.filter(pk=case.pk).update(status="closed")
    assert (
        api_fr.post(
            f"/api/v1/ccc/cases/{case.pk}/messages/", {"body": "x", "language": "en"}, format="json"
        ).status_code
        == 409
    )


def _count(client, url, django_assert_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context.captured_queries)


@pytest.mark.parametrize("kind", ["cases", "messages"])
def test_api_lists_run_a_constant_number_of_queries(api_fr, case, ncb_fr, kind, django_assert_num_queries):
    thread = Thread.objects.get(case=case, ncb=ncb_fr)
    url = "/api/v1/ccc/cases/" if kind == "cases" else f"/api/v1/ccc/cases/{case.pk}/messages/"
    MessageFactory(thread=thread)
    api_fr.get(url)  # the first call of a token records its use; later calls within a minute do not
    baseline = _count(api_fr, url, django_assert_num_queries)
    for _ in range(15):
        ThreadFactory(case=CaseFactory(), ncb=ncb_fr)
        message = MessageFactory(thread=thread)
        message.attachments.create(
            file=SimpleUploadedFile("a.txt", b"a"), name="a.txt", content_type="text/plain", size=1
        )
    with django_assert_num_queries(baseline):
        api_fr.get(url)
