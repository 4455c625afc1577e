"""A case's page for CCC staff and the actions on it, each tested for a role that may and one that may not."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from ccc import services
from ccc.choices import CaseStatus
from ccc.models import Message, Thread
from ncb.models import AuditEntry

pytestmark = pytest.mark.django_db


def test_ccc_staff_see_every_thread_of_a_case(client, case, duty_officer, officer_fr, ncb_fr, ncb_es):
    Message.objects.create(
        thread=Thread.objects.get(case=case, ncb=ncb_fr),
        from_ccc=False,
        body="Note from France",
        language="fr",
        created_at=case.opened_at,
    )
    Message.objects.create(
        thread=Thread.objects.get(case=case, ncb=ncb_es),
        from_ccc=False,
        body="Nota de España",
        language="es",
        created_at=case.opened_at,
    )
    client.force_login(officer_fr)
    assert client.get(f"/en/ccc/cases/{case.pk}/").status_code == 403
    client.force_login(duty_officer)
    html = client.get(f"/en/ccc/cases/{case.pk}/").content.decode()
    assert "Note from France" in html and "Nota de España" in html
    assert '<div lang="es" dir="auto">' in html
    assert AuditEntry.objects.filter(action="ccc.case.view", actor=duty_officer).exists()


def test_unknown_case_is_404(client, duty_officer):
    client.force_login(duty_officer)
    assert client.get("/en/ccc/cases/999999/").status_code == 404


@pytest.mark.parametrize("action", ["claim", "release", "resolve", "close", "note", "ncbs"])
def test_ncb_officers_may_not_act_on_cases(client, case, officer_fr, action):
    client.force_login(officer_fr)
    assert client.post(f"/en/ccc/cases/{case.pk}/{action}/").status_code == 403


def test_claim_release_resolve_close(client, case, duty_officer):
    client.force_login(duty_officer)
    url = f"/en/ccc/cases/{case.pk}"
    client.post(f"{url}/claim/")
    case.refresh_from_db()
    assert case.status == CaseStatus.CLAIMED
    client.post(f"{url}/release/")
    case.refresh_from_db()
    assert case.status == CaseStatus.NEW
    client.post(f"{url}/claim/")
    response = client.post(f"{url}/resolve/", {"resolution": ""}, follow=True)
    assert "Say how the case was resolved." in response.content.decode()
    client.post(f"{url}/resolve/", {"resolution": "Traveller identified; NCB France informed."})
    case.refresh_from_db()
    assert case.status == CaseStatus.RESOLVED and case.resolved_at
    client.post(f"{url}/close/")
    case.refresh_from_db()
    assert case.status == CaseStatus.CLOSED


def test_only_the_claimant_or_a_supervisor_resolves(client, case, duty_officer, duty_officer_ba, supervisor):
    services.case_claim(case_id=case.pk, officer=duty_officer)
    client.force_login(duty_officer_ba)
    client.post(f"/en/ccc/cases/{case.pk}/resolve/", {"resolution": "done"})
    case.refresh_from_db()
    assert case.status == CaseStatus.CLAIMED
    client.force_login(supervisor)
    client.post(f"/en/ccc/cases/{case.pk}/resolve/", {"resolution": "done"})
    case.refresh_from_db()
    assert case.status == CaseStatus.RESOLVED


def test_hand_over_note_and_adding_an_ncb(client, case, duty_officer, ncb_eg):
    client.force_login(duty_officer)
    client.post(f"/en/ccc/cases/{case.pk}/note/", {"handover_note": "Call Paris back at 08:00."})
    client.post(f"/en/ccc/cases/{case.pk}/ncbs/", {"ncb": ncb_eg.pk})
    case.refresh_from_db()
    assert case.handover_note == "Call Paris back at 08:00."
    assert case.threads.filter(ncb=ncb_eg).exists()


def test_ccc_staff_message_an_ncb_with_an_attachment(client, case, duty_officer, ncb_fr, officer_fr):
    thread = Thread.objects.get(case=case, ncb=ncb_fr)
    url = f"/en/ccc/cases/{case.pk}/threads/{thread.pk}/messages/"
    data = {
        f"t{thread.pk}-body": "Merci de confirmer.",
        f"t{thread.pk}-language": "fr",
        f"t{thread.pk}-attachments": [SimpleUploadedFile("note.txt", b"Reference FR-42\n")],
    }
    client.force_login(officer_fr)
    assert client.post(url, data).status_code == 403
    client.force_login(duty_officer)
    data[f"t{thread.pk}-attachments"] = [SimpleUploadedFile("note.txt", b"Reference FR-42\n")]
    response = client.post(url, data)
    assert response.status_code == 302
    message = thread.messages.get()
    assert message.from_ccc and message.language == "fr"
    assert message.attachments.get().content_type == "text/plain"


def test_a_refused_attachment_shows_the_form_again_with_the_reason(client, case, duty_officer, ncb_fr):
    thread = Thread.objects.get(case=case, ncb=ncb_fr)
    client.force_login(duty_officer)
    response = client.post(
        f"/en/ccc/cases/{case.pk}/threads/{thread.pk}/messages/",
        {
            f"t{thread.pk}-body": "x",
            f"t{thread.pk}-language": "en",
            f"t{thread.pk}-attachments": [SimpleUploadedFile("tool.pdf", b"MZ\x90\x00\x00")],
        },
    )
    assert response.status_code == 400
    assert "is not a PDF, PNG, JPEG or plain text file" in response.content.decode()
    assert not thread.messages.exists()


def test_ccc_staff_open_a_case(client, duty_officer, officer_fr, ncb_fr):
    data = {
        "summary": "Suspicious shipment",
        "details": "",
        "priority": "urgent",
        "language": "en",
        "ncbs": [ncb_fr.pk],
    }
    client.force_login(officer_fr)
    assert client.get("/en/ccc/cases/new/").status_code == 403
    client.force_login(duty_officer)
    assert client.get("/en/ccc/cases/new/").status_code == 200
    response = client.post("/en/ccc/cases/new/", data)
    assert response.status_code == 302
    case = Thread.objects.get(ncb=ncb_fr).case
    assert case.summary == "Suspicious shipment" and case.opened_by == duty_officer
