"""Name frequencies: built on first use, then rebuilt in the background while the outdated table keeps answering."""

import threading
import time

import pytest
from django.db import OperationalError

from databases.services import match_keys
from databases.services.match_keys import name_frequencies

pytestmark = pytest.mark.django_db(transaction=True)  # the rebuilding thread has its own connection


def _rebuilds_finished():
    for thread in threading.enumerate():
        if thread.name == "name-frequencies":
            thread.join(timeout=30)


def _outdate(table):
    match_keys._frequencies = (time.monotonic() - match_keys.FREQUENCY_TTL - 1, table)


def test_an_outdated_table_answers_at_once_and_is_rebuilt_behind(person_of, ncb_es):
    person_of(ncb_es, "Zabaleta", "Iker", reference="Z-1")
    first = name_frequencies()
    assert first.count("Zabaleta") == 1
    assert name_frequencies() is first  # within FREQUENCY_TTL: the same table

    person_of(ncb_es, "Zabaleta", "Ane", reference="Z-2")
    _outdate(first)
    assert name_frequencies() is first  # no call waits for the rebuild
    _rebuilds_finished()
    rebuilt = name_frequencies()
    assert rebuilt is not first
    assert rebuilt.count("Zabaleta") == 2


def test_a_failed_rebuild_keeps_the_table_and_tries_again_a_minute_later(person_of, ncb_es, monkeypatch):
    person_of(ncb_es, "Zabaleta", "Iker", reference="Z-1")
    first = name_frequencies()

    def database_down():
        raise OperationalError("server closed the connection unexpectedly")

    monkeypatch.setattr(match_keys, "_frequency_sample", database_down)
    _outdate(first)
    assert name_frequencies() is first
    _rebuilds_finished()
    assert name_frequencies() is first
    age = time.monotonic() - match_keys._frequencies[0]
    assert match_keys.FREQUENCY_TTL - match_keys.FREQUENCY_RETRY - 5 < age < match_keys.FREQUENCY_TTL
    assert not any(thread.name == "name-frequencies" for thread in threading.enumerate())
