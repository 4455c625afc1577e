"""NCB officers: their NCB's cases, their own thread only, and urgent requests."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from ccc.choices import CaseSource
from ccc.models import Attachment, Case, Message, Thread
from tests.ccc.factories import CaseFactory, MessageFactory, ThreadFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def messages_both(case, ncb_fr, ncb_es):
    fr = MessageFactory(thread=Thread.objects.get(case=case, ncb=ncb_fr), body="Pour la France seulement")
    es = MessageFactory(thread=Thread.objects.get(case=case, ncb=ncb_es), body="Solo para España")
    return fr, es


def test_my_ncbs_cases_lists_only_cases_concerning_my_ncb(client, case, officer_fr, officer_es, duty_officer, ncb_eg):
    other = CaseFactory(summary="Only Egypt")
    ThreadFactory(case=other, ncb=ncb_eg)
    client.force_login(duty_officer)
    assert client.get("/en/ccc/ncb/").status_code == 403
    client.force_login(officer_fr)
    html = client.get("/en/ccc/ncb/").content.decode()
    assert case.reference in html and "Only Egypt" not in html


def test_an_ncb_never_sees_another_ncbs_thread(client, case, messages_both, officer_fr, officer_es):
    client.force_login(officer_fr)
    html = client.get(f"/en/ccc/ncb/cases/{case.pk}/").content.decode()
    assert "Pour la France seulement" in html and "Solo para España" not in html
    client.force_login(officer_es)
    html = client.get(f"/en/ccc/ncb/cases/{case.pk}/").content.decode()
    assert "Solo para España" in html and "Pour la France seulement" not in html


def test_a_case_not_concerning_my_ncb_is_404(client, case, ncb_eg):
    from tests.ncb.factories import UserFactory

    officer_eg = UserFactory(unit=ncb_eg, roles=["ncb_officer"])
    client.force_login(officer_eg)
    assert client.get(f"/en/ccc/ncb/cases/{case.pk}/").status_code == 404


def test_an_ncb_officer_answers_in_its_own_thread(client, case, officer_fr, ncb_fr, duty_officer):
    client.force_login(duty_officer)
    assert client.get(f"/en/ccc/ncb/cases/{case.pk}/").status_code == 403
    client.force_login(officer_fr)
    response = client.post(
        f"/en/ccc/ncb/cases/{case.pk}/",
        {
            "body": "Le voyageur est retenu.",
            "language": "fr",
            "attachments": [SimpleUploadedFile("scan.jpg", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00")],
        },
    )
    assert response.status_code == 302
    message = Message.objects.get(thread__case=case)
    assert message.thread.ncb == ncb_fr and not message.from_ccc
    assert message.attachments.get().content_type == "image/jpeg"


def test_urgent_request_opens_a_case_with_the_request_as_first_message(client, officer_fr, ncb_fr, duty_officer):
    data = {
        "summary": "Suspect arrested at Roissy",
        "details": "Détails de la demande",
        "priority": "urgent",
        "language": "fr",
    }
    client.force_login(duty_officer)
    assert client.get("/en/ccc/ncb/request/").status_code == 403
    client.force_login(officer_fr)
    assert client.get("/en/ccc/ncb/request/").status_code == 200
    response = client.post("/en/ccc/ncb/request/", data)
    case = Case.objects.get(summary="Suspect arrested at Roissy")
    assert response["Location"] == f"/en/ccc/ncb/cases/{case.pk}/"
    assert case.source == CaseSource.NCB_REQUEST and case.language == "fr" and case.opened_by == officer_fr
    first = Message.objects.get(thread__case=case)
    assert first.thread.ncb == ncb_fr and first.body == "Détails de la demande" and not first.from_ccc


def test_attachments_download_only_for_ccc_and_the_threads_ncb(
    client, case, ncb_fr, officer_fr, officer_es, duty_officer, reviewer_user
):
    from ccc import services

    thread = Thread.objects.get(case=case, ncb=ncb_fr)
    services.message_send(
        thread=thread,
        author=duty_officer,
        body="see",
        language="en",
        from_ccc=True,
        files=[SimpleUploadedFile("r.pdf", b"%PDF-1.4 test")],
    )
    attachment = Attachment.objects.get()
    url = f"/en/ccc/attachments/{attachment.pk}/"
    for user, expected in ((duty_officer, 200), (officer_fr, 200), (officer_es, 404), (reviewer_user, 403)):
        client.force_login(user)
        response = client.get(url)
        assert response.status_code == expected, user
        if expected == 200:
            assert response["Content-Type"] == "application/pdf"
            assert response["X-Content-Type-Options"] == "nosniff"
            assert "attachment" in response["Content-Disposition"]


@pytest.fixture
def reviewer_user(db):
    from ncb.models import Unit
    from tests.ncb.factories import UserFactory

    return UserFactory(unit=Unit.objects.get(code="gs-lyon"), roles=["notices_reviewer"])


def test_my_ncbs_cases_runs_a_constant_number_of_queries(client, officer_fr, ncb_fr, ncb_es, django_assert_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(officer_fr)
    ThreadFactory(case=CaseFactory(), ncb=ncb_fr)
    client.get("/en/ccc/ncb/")
    with CaptureQueriesContext(connection) as baseline:
        client.get("/en/ccc/ncb/")
    for _ in range(12):
        case = CaseFactory()
        MessageFactory(thread=ThreadFactory(case=case, ncb=ncb_fr))
        ThreadFactory(case=case, ncb=ncb_es)
    with django_assert_num_queries(len(baseline.captured_queries)):
        client.get("/en/ccc/ncb/")
