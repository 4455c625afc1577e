"""The task outbox without servers: what is kept when sending fails, and what a flush sends (ncb.outbox)."""

from unittest import mock

import pytest
from kombu.exceptions import OperationalError

from databases.tasks import record_match_task
from interpol_portal.celery import app
from ncb import outbox
from ncb.models import PendingTask

pytestmark = [pytest.mark.faults, pytest.mark.django_db]


@pytest.fixture
def broker_sends():
    """Tasks go to the broker (not in-process); the process has not seen the broker fail yet."""
    app.conf.task_always_eager = False
    outbox._state.update(down_until=0.0, kept=False)
    yield
    app.conf.task_always_eager = True
    outbox._state.update(down_until=0.0, kept=False)


def test_a_task_that_cannot_be_sent_is_kept_and_the_next_ones_do_not_wait_for_the_broker(broker_sends, caplog):
    down = OperationalError("Error 111 connecting to 127.0.0.1:6379. Connection refused.")
    with mock.patch("celery.app.task.Task.apply_async", side_effect=down) as send:
        record_match_task.delay("persons", 7)
        record_match_task.delay("persons", 8)
    assert send.call_count == 1  # the second is kept at once: the broker failed a moment ago
    assert list(PendingTask.objects.values_list("name", "args")) == [
        ("databases.tasks.record_match_task", ["persons", 7]),
        ("databases.tasks.record_match_task", ["persons", 8]),
    ]
    assert "kept in the outbox" in caplog.text


def test_the_first_task_sent_after_an_outage_has_the_kept_ones_flushed(broker_sends):
    outbox._state["kept"] = True
    with mock.patch("celery.app.task.Task.apply_async") as send, mock.patch.object(app, "send_task") as send_task:
        record_match_task.delay("persons", 9)
    assert send.call_count == 1
    send_task.assert_called_once_with(outbox.FLUSH_TASK)
    assert outbox._state["kept"] is False


def test_a_flush_sends_kept_tasks_in_order_and_keeps_those_it_could_not_send(broker_sends):
    for pk in (1, 2, 3):
        PendingTask.objects.create(name="databases.tasks.record_match_task", args=["persons", pk])
    failures = [None, OperationalError("down again")]
    with mock.patch.object(app, "send_task", side_effect=failures) as send_task:
        assert outbox.outbox_flush() == 1
    assert send_task.call_args_list[0] == mock.call("databases.tasks.record_match_task", args=["persons", 1], kwargs={})
    assert list(PendingTask.objects.values_list("args", flat=True)) == [["persons", 2], ["persons", 3]]
    with mock.patch.object(app, "send_task") as send_task:
        assert outbox.outbox_flush() == 2
    assert not PendingTask.objects.exists()


def test_periodic_tasks_of_beat_are_not_kept(broker_sends):
    """Beat sends them again at its next tick; kept copies would pile up during a long outage."""
    down = OperationalError("Connection refused.")
    with mock.patch("celery.app.task.Task.apply_async", side_effect=down), pytest.raises(OperationalError):
        record_match_task.apply_async(("persons", 1), headers={"celery_beat_task": True})
    assert not PendingTask.objects.exists()
