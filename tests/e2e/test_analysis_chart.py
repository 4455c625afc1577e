"""Journey: a national analyst (analyst.fr) charts the demo network of "Le Marquis", expands a node, then looks
at the trends. Saves docs/screenshots/analysis-graph-<lang>.png when PORTAL_SCREENSHOTS=1 (make screenshots)."""

import os
from pathlib import Path

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

DOCS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


@pytest.mark.parametrize("language", ["en", "ar"])
def test_analyst_charts_a_network_and_its_trends(journey, demo_data, settings, language):
    from databases.models import Person

    hidden = Person.objects.get(reference="EG-P-003")
    analyst = journey(f"analysis-{language}", language)
    analyst.login("analyst.fr", settings.DEMO_PASSWORD)
    page = analyst.goto(f"/{language}/analysis/?kind=person&reference=FR-P-001&depth=2")
    page.wait_for_selector("#analysis-graph[data-ready=true] canvas")
    page.wait_for_timeout(500)  # the layout settles
    nodes = page.locator("#analysis-node-table tbody tr")
    assert nodes.count() >= 12
    assert f"person:{hidden.pk}" not in page.content()
    if os.environ.get("PORTAL_SCREENSHOTS") == "1" or os.environ.get("SCREENSHOTS") == "1":
        DOCS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(DOCS / f"analysis-graph-{language}.png"), full_page=True)
    analyst.snap("link chart")

    # Select the Spanish identity card and expand it through the API: the chart grows, nothing fails.
    before = page.evaluate("() => document.getElementById('analysis-graph').cy.nodes().length")
    # In braces: returned, the node (and the whole chart it refers to) would be serialised to Python (12 s).
    page.evaluate(
        "() => { document.getElementById('analysis-graph').cy.nodes('[kind = \"document\"]').first().emit('tap'); }"
    )
    with page.expect_response(lambda response: "/api/v1/analysis/graph" in response.url) as answer:
        page.click("[data-expand]")
    assert answer.value.status == 200
    page.wait_for_function(f"() => document.getElementById('analysis-graph').cy.nodes().length >= {before}")
    assert page.locator("#analysis-selected [data-field=label]").inner_text()

    page = analyst.goto(f"/{language}/analysis/trends/?dimension=database")
    page.wait_for_selector("#chart-records")
    assert page.locator("#table-records tfoot").count() == 1
    analyst.snap("trends")
