"""Navigation links and home cards of the CCC, by role."""

import pytest

pytestmark = pytest.mark.django_db


def test_duty_officers_get_the_queue_link_and_card(client, duty_officer):
    client.force_login(duty_officer)
    html = client.get("/en/").content.decode()
    assert 'href="/en/ccc/"' in html and "CCC case queue" in html
    assert "/en/ccc/dashboard/" not in html and "/en/ccc/ncb/" not in html


def test_supervisors_get_the_dashboard_link(client, supervisor):
    client.force_login(supervisor)
    assert "/en/ccc/dashboard/" in client.get("/en/").content.decode()


def test_ncb_officers_get_their_cases_and_urgent_request_links(client, officer_fr):
    client.force_login(officer_fr)
    html = client.get("/en/").content.decode()
    assert "/en/ccc/ncb/" in html and "/en/ccc/ncb/request/" in html
    assert 'href="/en/ccc/"' not in html
