"""The queue page and its self-refreshing rows: who may see them, filters, polling, constant query counts."""

import re
import time

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from ccc.choices import CasePriority, CaseStatus
from ncb.middleware import IdleTimeoutMiddleware
from tests.ccc.factories import CaseFactory, ThreadFactory

pytestmark = pytest.mark.django_db


def make_cases(n, site, ncbs):
    for i in range(n):
        case = CaseFactory(site=site, priority=CasePriority.URGENT if i % 2 else CasePriority.STANDARD)
        for ncb in ncbs:
            ThreadFactory(case=case, ncb=ncb)


@pytest.mark.parametrize("url", ["/en/ccc/", "/en/ccc/queue/rows/"])
def test_duty_officers_may_see_the_queue_and_ncb_officers_may_not(client, url, case, duty_officer, officer_fr):
    client.force_login(officer_fr)
    assert client.get(url).status_code == 403
    client.force_login(duty_officer)
    response = client.get(url)
    assert response.status_code == 200
    assert case.reference in response.content.decode()


def test_the_queue_refreshes_only_its_table_body_keeping_the_query_string(client, case, duty_officer):
    client.force_login(duty_officer)
    html = client.get("/en/ccc/?priority=standard&language=en&page=1").content.decode()
    tbody = re.search(r"<tbody id=\"queue-rows\"[^>]*>", html).group(0)
    assert 'hx-get="/en/ccc/queue/rows/?priority=standard&amp;language=en&amp;page=1"' in tbody
    assert 'hx-trigger="every 30s"' in tbody
    assert 'hx-headers=\'{"X-Poll": "1"}\'' in tbody
    assert "<script>" not in html and 'style="' not in html
    rows = client.get("/en/ccc/queue/rows/?priority=standard").content.decode()
    assert "<html" not in rows and "<tbody" not in rows and case.reference in rows


def test_polling_does_not_reset_the_idle_timeout(client, case, duty_officer):
    client.force_login(duty_officer)
    client.get("/en/ccc/")
    session = client.session
    last = int(time.time()) - 120
    session[IdleTimeoutMiddleware.SESSION_KEY] = last
    session.save()
    assert client.get("/en/ccc/queue/rows/", headers={"X-Poll": "1"}).status_code == 200
    assert client.session[IdleTimeoutMiddleware.SESSION_KEY] == last
    client.get("/en/ccc/queue/rows/")
    assert client.session[IdleTimeoutMiddleware.SESSION_KEY] > last


def test_filters_by_site_priority_status_and_language(client, lyon, singapore, duty_officer):
    wanted = CaseFactory(site=singapore, priority=CasePriority.URGENT, language="es", summary="Wanted one")
    CaseFactory(site=lyon, priority=CasePriority.URGENT, language="es", summary="Other site")
    CaseFactory(site=singapore, priority=CasePriority.STANDARD, language="es", summary="Other priority")
    CaseFactory(site=singapore, priority=CasePriority.URGENT, language="fr", summary="Other language")
    CaseFactory(
        site=singapore, priority=CasePriority.URGENT, language="es", status=CaseStatus.RESOLVED, summary="Not open"
    )
    client.force_login(duty_officer)
    html = client.get(f"/en/ccc/?site={singapore.pk}&priority=urgent&language=es").content.decode()
    assert re.findall(r'data-case="(\d+)"', html) == [str(wanted.pk)]
    html = client.get(f"/en/ccc/?site={singapore.pk}&status=resolved").content.decode()
    assert "Not open" in html and "Wanted one" not in html


def test_the_queue_is_sorted_by_deadline(client, lyon, duty_officer):
    from datetime import timedelta

    from django.utils import timezone

    now = timezone.now()
    later = CaseFactory(site=lyon, priority=CasePriority.STANDARD, opened_at=now)  # due in 12 h
    sooner = CaseFactory(site=lyon, priority=CasePriority.URGENT, opened_at=now - timedelta(hours=1))  # in 7 h
    client.force_login(duty_officer)
    html = client.get("/en/ccc/").content.decode()
    assert re.findall(r'data-case="(\d+)"', html) == [str(sooner.pk), str(later.pk)]


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context.captured_queries)


@pytest.mark.parametrize("url", ["/en/ccc/", "/en/ccc/queue/rows/"])
def test_the_queue_runs_a_constant_number_of_queries(
    client, lyon, singapore, duty_officer, ncb_fr, ncb_es, url, django_assert_num_queries
):
    client.force_login(duty_officer)
    make_cases(2, lyon, [ncb_fr])
    baseline = _queries(client, url)
    make_cases(20, singapore, [ncb_fr, ncb_es])
    with django_assert_num_queries(baseline):
        client.get(url)


def test_the_queue_selector_runs_three_queries(lyon, duty_officer, ncb_fr, ncb_es, django_assert_num_queries):
    from ccc.selectors import case_queue

    make_cases(15, lyon, [ncb_fr, ncb_es])
    # The cases handed over to the site (none), the others with their site and officer, then the threads with
    # their NCB and country.
    with django_assert_num_queries(3):
        cases = list(case_queue(viewer=duty_officer))
        assert all(thread.ncb.country.iso2 for case in cases for thread in case.threads.all())


def test_claiming_from_the_queue_returns_to_the_queue_with_its_filters(client, case, duty_officer, duty_officer_ba):
    client.force_login(duty_officer_ba)
    client.post(f"/en/ccc/cases/{case.pk}/claim/")
    client.force_login(duty_officer)
    response = client.post(f"/en/ccc/cases/{case.pk}/claim/", {"next": "/en/ccc/?priority=standard"}, follow=True)
    assert response.redirect_chain[-1][0] == "/en/ccc/?priority=standard"
    assert "already taken" in response.content.decode()


def test_the_claim_redirect_never_leaves_the_site(client, case, duty_officer):
    client.force_login(duty_officer)
    client.post(f"/en/ccc/cases/{case.pk}/claim/")
    response = client.post(f"/en/ccc/cases/{case.pk}/claim/", {"next": "https://evil.example/"})
    assert response["Location"] == f"/en/ccc/cases/{case.pk}/"
