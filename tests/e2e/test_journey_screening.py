"""Journey 2: officer.eg screens a person by an Arabic-script name, in Arabic, and finds the person that the French
NCB recorded in Latin script."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

REFERENCE = "FR-PJ-2026-0315"


@pytest.fixture
def latin_record(demo_data):
    """Recorded by ncb-fr through the service (so its blocking keys are stored), visible to all member countries."""
    from databases.services import record_create
    from databases.services.match_keys import forget_frequencies
    from ncb.models import Unit

    person = record_create(
        database="persons",
        owner=Unit.objects.get(code="ncb-fr"),
        actor=None,
        data={
            "reference": REFERENCE,
            "status": "wanted",
            "family_name": "El Khatib",
            "given_names": "Mohamed",
            "date_of_birth": "1975-03-02",
            "sex": "M",
        },
    )
    # The live server shares this process: name weights must count the person just recorded.
    forget_frequencies()
    yield person
    forget_frequencies()


def test_arabic_officer_screens_an_arabic_name_and_finds_the_latin_record(journey, latin_record, settings):
    officer = journey("j2-officer-eg", "ar")
    officer.login("officer.eg", settings.DEMO_PASSWORD)
    officer.goto("/ar/databases/screening/")
    page = officer.page
    assert page.get_attribute("html", "dir") == "rtl"
    assert page.get_attribute("html", "lang") == "ar"
    officer.snap("screening-form")

    page.fill("input[name=family_name]", "الخطيب")
    page.fill("input[name=given_names]", "محمد")
    page.fill("input[name=date_of_birth]", "1975")
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state("networkidle")

    row = page.locator("main table tbody tr", has=page.locator(f"a:text-is('{REFERENCE}')"))
    assert row.count() == 1
    assert row.locator("a").get_attribute("href").endswith(f"/persons/{latin_record.pk}/")
    # Right to left: the text runs from the right, and the table's first column (the score) is on the right.
    assert page.evaluate("() => getComputedStyle(document.body).direction") == "rtl"
    headers = page.locator("main table thead th")
    first, last = headers.first.bounding_box(), headers.last.bounding_box()
    assert first["x"] > last["x"]
    officer.snap("candidate-found")
