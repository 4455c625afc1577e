"""docs/screenshots/: one screenshot of each main page in each language, for the README.

Not part of the normal run (it rewrites files in docs/); `make screenshots` sets PORTAL_SCREENSHOTS=1.
"""

import os
from pathlib import Path

import pytest

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(os.environ.get("PORTAL_SCREENSHOTS") != "1", reason="make screenshots only"),
]

DOCS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
PAGES = [
    # (file name, user, path after the language prefix; {person} is a demo person's id)
    ("login", None, "accounts/login/"),
    ("home", "officer.fr", ""),
    ("travel-documents", "officer.fr", "databases/travel-documents/"),
    ("persons", "officer.fr", "databases/persons/"),
    ("record-detail", "officer.fr", "databases/persons/{person}/"),
    ("quick-check", "officer.fr", "databases/quick-check/?q=PAB123456"),
    ("screening", "officer.fr", "databases/screening/?family_name=El+Fassi&given_names=Youssef"),
    ("passenger-lists", "officer.fr", "databases/screening/jobs/"),
    ("notices", "head.fr", "notices/"),
    ("notices-review", "reviewer", "notices/review/"),
    ("public-notices", None, "notices/public/"),
    ("ccc-queue", "ccc.lyon", "ccc/"),
    ("ccc-dashboard", "ccc.supervisor", "ccc/dashboard/"),
    ("training", "officer.ke", "training/"),
    ("admin", "admin", "admin/"),
]


@pytest.mark.parametrize("language", ["en", "fr", "es", "ar"])
def test_screenshots_of_the_main_pages(browser, live_server, demo_data, settings, language):
    from databases.models import Person

    DOCS.mkdir(parents=True, exist_ok=True)
    # A Moroccan record in Arabic script, with a Latin alias: what the record page and screening show best.
    ids = {"person": Person.objects.get(reference="MA-P-001").pk}
    contexts = {}
    try:
        for name, username, path in PAGES:
            if username not in contexts:
                context = browser.new_context(locale=language, viewport={"width": 1440, "height": 900})
                page = context.new_page()
                if username:
                    page.goto(f"{live_server.url}/{language}/accounts/login/")
                    page.fill("input[name=username]", username)
                    page.fill("input[name=password]", settings.DEMO_PASSWORD)
                    page.click("button[type=submit]")
                    page.wait_for_load_state("networkidle")
                contexts[username] = (context, page)
            page = contexts[username][1]
            response = page.goto(f"{live_server.url}/{language}/{path.format(**ids)}")
            assert response is not None and response.status < 400, f"{name}: {response and response.status}"
            page.wait_for_load_state("networkidle")
            page.screenshot(path=str(DOCS / f"{name}-{language}.png"))
    finally:
        for context, _page in contexts.values():
            context.close()
