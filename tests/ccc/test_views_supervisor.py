"""The supervisor's dashboard and manual hand-over."""

import json
import re

import pytest

from ccc.choices import CasePriority, CaseStatus
from ccc.models import HandOver
from tests.ccc.factories import CaseFactory

pytestmark = pytest.mark.django_db


def test_dashboard_is_for_supervisors_only(client, duty_officer, supervisor, officer_fr):
    for user in (duty_officer, officer_fr):
        client.force_login(user)
        assert client.get("/en/ccc/dashboard/").status_code == 403
    client.force_login(supervisor)
    assert client.get("/en/ccc/dashboard/").status_code == 200


def test_dashboard_charts_read_their_numbers_from_json_and_show_them_in_tables(client, supervisor, lyon, singapore):
    CaseFactory(site=lyon, priority=CasePriority.URGENT)
    CaseFactory(site=lyon, priority=CasePriority.URGENT)
    CaseFactory(site=singapore, priority=CasePriority.STANDARD)
    CaseFactory(site=singapore, priority=CasePriority.STANDARD, status=CaseStatus.CLOSED)
    client.force_login(supervisor)
    html = client.get("/en/ccc/dashboard/").content.decode()
    payload = re.search(r'<script id="ccc-dashboard-data" type="application/json">(.*?)</script>', html, re.S)
    data = json.loads(payload.group(1))
    sites = data["open"]["labels"]
    urgent = dict(zip(sites, data["open"]["series"][0]["data"], strict=True))
    standard = dict(zip(sites, data["open"]["series"][1]["data"], strict=True))
    assert urgent[str(lyon)] == 2 and standard[str(singapore)] == 1
    assert "/static/js/ccc_dashboard.js" in html and "/static/vendor/chartjs/chart.umd.js" in html
    # No inline script: the only <script> without src is the JSON data block.
    inline = [tag for tag in re.findall(r"<script[^>]*>", html) if "src=" not in tag]
    assert inline == ['<script id="ccc-dashboard-data" type="application/json">']
    assert 'id="table-open"' in html and 'id="table-replies"' in html and 'id="table-hits"' in html


def test_hand_over_now_is_for_supervisors(client, duty_officer, supervisor, lyon, singapore, buenos_aires):
    CaseFactory(site=lyon)
    client.force_login(duty_officer)
    assert client.get("/en/ccc/hand-over/").status_code == 403
    assert client.post("/en/ccc/hand-over/", {"site": lyon.pk}).status_code == 403
    client.force_login(supervisor)
    assert client.get("/en/ccc/hand-over/").status_code == 200
    response = client.post("/en/ccc/hand-over/", {"site": lyon.pk, "note": "Evacuation drill"})
    assert response.status_code == 302
    handover = HandOver.objects.get()
    assert handover.from_site == lyon and handover.to_site in (singapore, buenos_aires)
    assert handover.by == supervisor and handover.case_count == 1
