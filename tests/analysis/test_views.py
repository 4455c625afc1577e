"""Pages of the analysis app: who may open them, what they show, the audit rows, the CSV export."""

import csv
import io

import pytest
from django.urls import reverse

from analysis.choices import NodeKind
from ncb.choices import Restriction
from ncb.models import AuditEntry
from tests.analysis.factories import restrict
from tests.databases.factories import PersonFactory, TravelDocumentFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def person():
    person = PersonFactory(reference="ES-ANALYSIS-1")
    TravelDocumentFactory(person=person)
    return person


def test_analyst_draws_a_chart_from_a_reference(client, analyst_fr, person):
    client.force_login(analyst_fr)
    response = client.get(reverse("analysis:graph"), {"kind": "person", "reference": "ES-ANALYSIS-1"})
    assert response.status_code == 200
    content = response.content.decode()
    assert 'id="analysis-graph-data"' in content
    assert f"person:{person.pk}" in content
    assert "vendor/cytoscape/cytoscape.min.js" in content
    assert "<script>" not in content and 'style="' not in content  # the CSP forbids both
    entry = AuditEntry.objects.get(action="analysis.graph", actor=analyst_fr)
    assert entry.query["id"] == person.pk and entry.outcome == "2 nodes, 1 edges"


def test_ccc_duty_officer_may_use_the_chart(client, duty_officer, person):
    client.force_login(duty_officer)
    response = client.get(reverse("analysis:graph"), {"kind": "person", "id": person.pk})
    assert response.status_code == 200


def test_ncb_officer_may_not(client, officer_fr, person):
    client.force_login(officer_fr)
    assert client.get(reverse("analysis:graph"), {"kind": "person", "id": person.pk}).status_code == 403
    assert client.get(reverse("analysis:trends")).status_code == 403
    assert client.get(reverse("analysis:trends_export")).status_code == 403
    assert not AuditEntry.objects.filter(action__startswith="analysis.").exists()


def test_anonymous_is_sent_to_sign_in(client):
    response = client.get(reverse("analysis:graph"))
    assert response.status_code == 302 and "login" in response["Location"]


def test_restricted_reference_is_unknown_to_an_excluded_ncb(client, analyst_fr, person):
    restrict(person, Restriction.ALL_EXCEPT, ["fr"])
    client.force_login(analyst_fr)
    response = client.get(reverse("analysis:graph"), {"kind": "person", "reference": "ES-ANALYSIS-1"})
    assert "Nothing you may see has this reference." in response.content.decode()
    assert AuditEntry.objects.get(action="analysis.graph", actor=analyst_fr).outcome == "refused: reference"
    response = client.get(reverse("analysis:graph"), {"kind": "person", "id": person.pk})
    assert response.status_code == 404
    assert f"person:{person.pk}" not in response.content.decode()


def test_truncated_chart_says_so_on_the_page(client, analyst_fr, person):
    for _ in range(5):
        TravelDocumentFactory(person=person)
    client.force_login(analyst_fr)
    response = client.get(reverse("analysis:graph"), {"kind": "person", "id": person.pk, "limit": 3})
    content = response.content.decode()
    assert 'id="analysis-message"' in content
    assert "The chart stops at 3 items" in content


def test_navigation_offers_analysis_to_analysts_only(client, analyst_fr, officer_fr):
    client.force_login(analyst_fr)
    assert reverse("analysis:graph") in client.get(reverse("home")).content.decode()
    client.force_login(officer_fr)
    assert reverse("analysis:graph") not in client.get(reverse("home")).content.decode()


def test_arabic_page_is_right_to_left(client, analyst_fr, person):
    client.force_login(analyst_fr)
    response = client.get(f"/ar/analysis/?kind={NodeKind.PERSON}&id={person.pk}")
    assert response.status_code == 200
    assert 'dir="rtl"' in response.content.decode()


def test_trends_count_records_checks_and_hits_without_restricted_ones(client, analyst_fr):
    PersonFactory()
    restrict(PersonFactory(), Restriction.ALL_EXCEPT, ["fr"])
    AuditEntry.objects.create(action="check.travel-document", unit=analyst_fr.unit, actor=analyst_fr)
    client.force_login(analyst_fr)
    response = client.get(reverse("analysis:trends"), {"dimension": "database", "months": 2})
    assert response.status_code == 200
    tables = {table["measure"]: table for table in response.context["tables"]}
    assert tables["records"]["total"] == 1
    assert tables["checks"]["total"] == 1
    assert [column["value"] for column in tables["checks"]["columns"]] == ["travel-documents"]
    assert 'id="analysis-trends-data"' in response.content.decode()
    assert AuditEntry.objects.filter(action="analysis.trends", actor=analyst_fr).exists()


def test_trends_refuse_a_period_too_long(client, analyst_fr):
    client.force_login(analyst_fr)
    assert client.get(reverse("analysis:trends"), {"months": 999}).status_code == 400
    assert client.get(reverse("analysis:trends"), {"months": 12, "period": "day"}).status_code == 400


def test_trends_export_is_csv_and_audited(client, analyst_fr):
    PersonFactory(status="missing")
    restrict(PersonFactory(), Restriction.ALL_EXCEPT, ["fr"])
    client.force_login(analyst_fr)
    response = client.get(reverse("analysis:trends_export"), {"months": 1})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0][:6] == ["measure", "period_start", "region", "database", "crime_area", "count"]
    records = [row for row in rows[1:] if row[0] == "records"]
    assert [(row[3], row[4], row[5]) for row in records] == [("persons", "missing", "1")]
    assert AuditEntry.objects.filter(action="analysis.trends.export", actor=analyst_fr).exists()


def test_trends_query_count_is_constant(client, analyst_fr, django_assert_num_queries):
    client.force_login(analyst_fr)
    client.get(reverse("analysis:trends"))
    for _ in range(5):
        PersonFactory()
        TravelDocumentFactory()
    with django_assert_num_queries(_trends_queries(client)):
        client.get(reverse("analysis:trends"))


def _trends_queries(client) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        client.get(reverse("analysis:trends"))
    return len(queries)
