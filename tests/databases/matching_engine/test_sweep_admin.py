"""Administrators follow the nightly sweeps in the admin: progress, hits and chunks, read-only."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from databases.screening.sweep import match_sweep_start, match_sweep_work
from ncb.models import Unit
from tests.ncb.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def administrator(db):
    return UserFactory(unit=Unit.objects.get(code="gs-lyon"), username="s.admin", is_staff=True, is_superuser=True)


@pytest.fixture
def two_sweeps(person_of, ncb_es, ncb_fr, ncb_eg):
    person_of(ncb_es, "El Khatib", "Mohamed", "1975-03-02")
    person_of(ncb_fr, "الخطيب", "محمد", "1975-03-02")
    person_of(ncb_eg, "Garcia", "Maria", "1980-01-01")
    finished = match_sweep_start(chunk_size=1)
    match_sweep_work(sweep_id=finished.pk)
    running = match_sweep_start(chunk_size=1)
    match_sweep_work(sweep_id=running.pk, seconds=0)  # one chunk of three, then its turn is up
    return finished, running


def test_the_list_shows_each_sweeps_progress_and_hits(client, administrator, two_sweeps):
    client.force_login(administrator)
    html = client.get(reverse("admin:databases_matchsweep_changelist")).content.decode()
    assert "3 / 3" in html and "1 / 3" in html
    assert 'class="field-hits">1<' in html


def test_the_list_reads_the_same_number_of_queries_for_more_sweeps(client, administrator, two_sweeps):
    client.force_login(administrator)
    url = reverse("admin:databases_matchsweep_changelist")
    client.get(url)
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for _sweep in range(4):
        match_sweep_start(chunk_size=1)
    with CaptureQueriesContext(connection) as more:
        client.get(url)
    assert len(more) == len(few)


def test_a_sweep_shows_its_chunks_and_cannot_be_changed(client, administrator, two_sweeps):
    _finished, running = two_sweeps
    client.force_login(administrator)
    url = reverse("admin:databases_matchsweep_change", args=[running.pk])
    html = client.get(url).content.decode()
    assert html.count('class="field-status"') >= 3 and "1975" in html
    assert 'name="_save"' not in html
    assert client.post(url, {"status": "done"}).status_code == 403
    assert client.get(reverse("admin:databases_matchsweep_add")).status_code == 403
    assert client.get(reverse("admin:databases_matchsweep_delete", args=[running.pk])).status_code == 403


def test_officers_do_not_reach_the_sweeps(client, officer_fr, two_sweeps):
    client.force_login(officer_fr)
    response = client.get(reverse("admin:databases_matchsweep_changelist"))
    assert response.status_code == 302 and "/login/" in response["Location"]
