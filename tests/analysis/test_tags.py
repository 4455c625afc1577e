"""Analysts tag what they may see with a modus operandi; the chart then links the items sharing it."""

import pytest
from django.urls import reverse

from analysis.graph import graph_expand
from analysis.models import ModusOperandiTag
from ncb.choices import Restriction
from ncb.models import AuditEntry
from tests.analysis.factories import restrict, tag
from tests.databases.factories import FirearmFactory, VehicleFactory

pytestmark = pytest.mark.django_db
URL = reverse("analysis:tag_add")


def test_analyst_tags_a_visible_item_and_the_chart_links_it(client, analyst_es):
    van, pistol = VehicleFactory(), FirearmFactory()
    tag("firearm", pistol, "ram_raid")
    client.force_login(analyst_es)
    back = reverse("analysis:graph") + f"?kind=vehicle&id={van.pk}"
    response = client.post(
        URL, {"kind": "vehicle", "id": van.pk, "modus_operandi": "ram_raid", "note": "CCTV", "next": back}
    )
    assert response.status_code == 302 and response["Location"] == back
    assert ModusOperandiTag.objects.get(kind="vehicle", object_id=van.pk).created_by == analyst_es
    assert AuditEntry.objects.filter(action="analysis.modus_operandi.tag", actor=analyst_es).exists()
    graph = graph_expand(viewer=analyst_es, kind="vehicle", pk=van.pk, depth=1, limit=10)
    assert f"firearm:{pistol.pk}" in graph.nodes and "modus:ram_raid" in graph.nodes


def test_restricted_item_cannot_be_tagged_by_an_excluded_ncb(client, analyst_fr):
    hidden = restrict(VehicleFactory(), Restriction.ALL_EXCEPT, ["fr"])
    client.force_login(analyst_fr)
    response = client.post(URL, {"kind": "vehicle", "id": hidden.pk, "modus_operandi": "ram_raid"})
    assert response.status_code == 404
    assert not ModusOperandiTag.objects.exists()


def test_officer_may_not_tag_and_no_foreign_redirect(client, officer_fr, analyst_fr):
    van = VehicleFactory()
    client.force_login(officer_fr)
    assert client.post(URL, {"kind": "vehicle", "id": van.pk, "modus_operandi": "ram_raid"}).status_code == 403
    client.force_login(analyst_fr)
    response = client.post(
        URL, {"kind": "vehicle", "id": van.pk, "modus_operandi": "ram_raid", "next": "https://evil.example/"}
    )
    assert response["Location"] == reverse("analysis:graph")
    assert client.get(URL).status_code == 405
