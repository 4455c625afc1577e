"""The link chart API: nodes and edges as JSON for NCB analysis tools, roles, reasons for refusals, schema."""

import pytest
from rest_framework.test import APIClient

from ncb.choices import Restriction
from ncb.models import AuditEntry
from ncb.services import api_token_create
from tests.analysis.factories import hit_between, restrict
from tests.databases.factories import PersonFactory, TravelDocumentFactory, VehicleFactory

pytestmark = pytest.mark.django_db
URL = "/api/v1/analysis/graph"


def api_for(user) -> APIClient:
    _token, key = api_token_create(user=user, name="test")
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    return client


@pytest.fixture
def person():
    person = PersonFactory()
    document = TravelDocumentFactory(person=person)
    hit_between(VehicleFactory(), document)
    return person


def test_analyst_gets_nodes_and_edges(analyst_es, person):
    """The records and the hit are Spain's: hits are seen by the owner and the querying unit (databases' rule)."""
    response = api_for(analyst_es).get(URL, {"kind": "person", "id": person.pk, "depth": 2, "limit": 50})
    assert response.status_code == 200
    body = response.json()
    assert body["start"] == f"person:{person.pk}"
    assert {node["kind"] for node in body["nodes"]} == {"person", "document", "vehicle"}
    assert {edge["kind"] for edge in body["edges"]} == {"holder", "hit"}
    assert body["truncated"] is False and body["message"] == ""
    node = next(node for node in body["nodes"] if node["kind"] == "person")
    assert set(node) == {"id", "kind", "label", "record_id", "level", "url", "owner", "status", "detail"}
    assert AuditEntry.objects.filter(action="analysis.graph", actor=analyst_es, query__via="api").exists()


def test_limit_truncates_and_says_so(analyst_es, person):
    body = api_for(analyst_es).get(URL, {"kind": "person", "id": person.pk, "depth": 2, "limit": 2}).json()
    assert body["truncated"] is True
    assert len([n for n in body["nodes"] if n["record_id"] is not None]) == 2
    assert "2 items" in body["message"]


def test_ncb_officer_is_refused(officer_fr, person):
    assert api_for(officer_fr).get(URL, {"kind": "person", "id": person.pk}).status_code == 403
    assert APIClient().get(URL, {"kind": "person", "id": person.pk}).status_code in (401, 403)


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"kind": "spaceship", "id": 1}, "kind"),
        ({"id": 1}, "kind"),
        ({"kind": "person", "id": "abc"}, "id"),
        ({"kind": "person", "id": 1, "depth": 9}, "depth"),
        ({"kind": "person", "id": 1, "depth": 0}, "depth"),
        ({"kind": "person", "id": 1, "limit": 10**6}, "limit"),
        ({"kind": "person"}, "__all__"),
    ],
)
def test_bad_input_is_a_400_with_a_reason(analyst_fr, params, field):
    response = api_for(analyst_fr).get(URL, params)
    assert response.status_code == 400
    body = response.json()
    assert field in body["errors"]
    assert body["detail"]
    assert AuditEntry.objects.get(action="analysis.graph", actor=analyst_fr).outcome.startswith("refused: ")


def test_unknown_and_restricted_starts_are_the_same_404(analyst_fr, person):
    restrict(person, Restriction.ALL_EXCEPT, ["fr"])
    client = api_for(analyst_fr)
    hidden = client.get(URL, {"kind": "person", "id": person.pk})
    missing = client.get(URL, {"kind": "person", "id": person.pk + 1000})
    by_reference = client.get(URL, {"kind": "person", "reference": person.reference})
    assert hidden.status_code == missing.status_code == by_reference.status_code == 404
    assert hidden.json() == missing.json()


def test_api_query_count_is_bounded(analyst_fr, person, django_assert_max_num_queries):
    client = api_for(analyst_fr)
    client.get(URL, {"kind": "person", "id": person.pk})
    with django_assert_max_num_queries(30):
        assert client.get(URL, {"kind": "person", "id": person.pk, "depth": 3}).status_code == 200


def test_schema_documents_the_graph_endpoint(analyst_fr):
    client = APIClient()
    client.force_authenticate(analyst_fr)
    response = client.get("/api/schema/", {"format": "json"})
    assert response.status_code == 200
    operation = response.json()["paths"]["/api/v1/analysis/graph"]["get"]
    assert {parameter["name"] for parameter in operation["parameters"]} >= {"kind", "id", "depth", "limit"}
    assert {"200", "400", "403", "404"} <= set(operation["responses"])
