"""Messages between the CCC and the NCBs concerned: first reply, status, notifications in the reader's language."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from ccc import services
from ccc.choices import CaseStatus
from ccc.models import Attachment, Thread
from ncb.models import Notification

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


def thread_of(case, ncb) -> Thread:
    return Thread.objects.get(case=case, ncb=ncb)


def test_the_ccc_first_message_is_the_first_reply_and_notifies_the_ncb(case, duty_officer, ncb_fr):
    services.case_claim(case_id=case.pk, officer=duty_officer)
    message = services.message_send(
        thread=thread_of(case, ncb_fr),
        author=duty_officer,
        body="Pouvez-vous confirmer ?",
        language="fr",
        from_ccc=True,
        awaiting_reply=True,
    )
    case.refresh_from_db()
    assert case.first_reply_at == message.created_at
    assert case.status == CaseStatus.WAITING_FOR_NCB
    note = Notification.objects.get(unit=ncb_fr, kind="ccc_message")
    assert note.params == {"reference": case.reference}
    assert note.url.endswith(f"/ccc/ncb/cases/{case.pk}/")


def test_an_ncb_answer_puts_the_case_back_with_its_officer(case, duty_officer, officer_fr, ncb_fr):
    services.case_claim(case_id=case.pk, officer=duty_officer)
    thread = thread_of(case, ncb_fr)
    services.message_send(
        thread=thread, author=duty_officer, body="?", language="en", from_ccc=True, awaiting_reply=True
    )
    services.message_send(thread=thread, author=officer_fr, body="Confirmé.", language="fr", from_ccc=False)
    case.refresh_from_db()
    assert case.status == CaseStatus.CLAIMED
    assert Notification.objects.filter(user=duty_officer, kind="ccc_message").exists()


def test_an_ncb_message_does_not_count_as_the_first_reply(case, officer_fr, ncb_fr):
    services.message_send(
        thread=thread_of(case, ncb_fr), author=officer_fr, body="Any news?", language="en", from_ccc=False
    )
    case.refresh_from_db()
    assert case.first_reply_at is None
    assert Notification.objects.filter(unit=case.site, kind="ccc_message").exists()


def test_an_ncb_cannot_write_in_another_ncbs_thread(case, officer_es, ncb_fr):
    with pytest.raises(services.CaseActionError):
        services.message_send(
            thread=thread_of(case, ncb_fr), author=officer_es, body="x", language="es", from_ccc=False
        )


def test_an_ncb_officer_cannot_write_in_the_ccc_name(case, officer_fr, ncb_fr):
    with pytest.raises(services.CaseActionError):
        services.message_send(thread=thread_of(case, ncb_fr), author=officer_fr, body="x", language="fr", from_ccc=True)


def test_a_closed_case_takes_no_more_messages(case, duty_officer, ncb_fr):
    case.status = CaseStatus.CLOSED
    case.save(update_fields=["status"])
    with pytest.raises(services.CaseActionError):
        services.message_send(
            thread=thread_of(case, ncb_fr), author=duty_officer, body="x", language="en", from_ccc=True
        )


def test_attachments_are_stored_with_the_type_read_from_their_content(case, duty_officer, ncb_fr):
    files = [
        SimpleUploadedFile("report.pdf", PDF, content_type="application/octet-stream"),
        SimpleUploadedFile("../../photo.txt", PNG, content_type="text/plain"),
    ]
    message = services.message_send(
        thread=thread_of(case, ncb_fr),
        author=duty_officer,
        body="See attached",
        language="en",
        from_ccc=True,
        files=files,
    )
    stored = {a.name: a.content_type for a in Attachment.objects.filter(message=message)}
    assert stored == {"report.pdf": "application/pdf", "photo.txt": "image/png"}


def test_message_mail_goes_to_the_ncb_officers_each_in_their_language(
    case, duty_officer, ncb_fr, officer_fr, head_fr, officer_es, monkeypatch, mailoutbox
):
    officer_fr.preferred_language = "fr"
    officer_fr.save(update_fields=["preferred_language"])
    message = services.message_send(
        thread=thread_of(case, ncb_fr), author=duty_officer, body="Secret-detail-77", language="en", from_ccc=True
    )
    languages = []
    original = services.mail.render_to_string

    def spy(template, context):
        languages.append((context["user"].username, translation.get_language()))
        return original(template, context)

    monkeypatch.setattr(services.mail, "render_to_string", spy)
    mailoutbox.clear()
    assert services.message_mail_send(message_id=message.pk) == 2
    assert {to for mail in mailoutbox for to in mail.to} == {officer_fr.email, head_fr.email}
    assert set(languages) == {("t.officer.fr", "fr"), ("t.head.fr", "en")}
    # Mail points to the portal; the message itself never leaves it.
    assert all("Secret-detail-77" not in mail.body for mail in mailoutbox)


def test_message_mail_is_queued_on_commit(case, duty_officer, ncb_fr, officer_fr, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks() as callbacks:
        services.message_send(
            thread=thread_of(case, ncb_fr), author=duty_officer, body="Hi", language="en", from_ccc=True
        )
    assert len(callbacks) == 1
