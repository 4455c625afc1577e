"""The mail task: written in the recipient's language; nothing for a deactivated account."""

import pytest
from django.core import mail

from training.tasks import training_mail_send_task

pytestmark = pytest.mark.django_db


def test_the_mail_is_written_in_the_recipients_language(officer_eg):
    sent = training_mail_send_task.delay(
        officer_eg.pk,
        "You applied for {course} ({dates}).",
        {"course": "دورة", "dates": "1 يناير"},
        "/ar/training/my/enrolments/",
    ).get()
    assert sent is True
    message = mail.outbox[0]
    assert message.to == [officer_eg.email]
    assert "دورة" in message.subject and "/ar/training/my/enrolments/" in message.body


def test_no_mail_for_a_deactivated_account(officer_fr):
    officer_fr.is_active = False
    officer_fr.save(update_fields=["is_active"])
    assert training_mail_send_task.delay(officer_fr.pk, "Hello", {}, "/").get() is False
    assert not mail.outbox


def test_training_tasks_go_to_the_default_queue():
    from interpol_portal.celery import route_by_module

    assert route_by_module(training_mail_send_task.name, (), {}, {}) == {"queue": "default"}
