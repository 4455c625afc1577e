"""Journey 1: officer.es records a stolen passport; officer.fr pastes its MRZ in the quick check and gets a hit;
officer.es finds the notification."""

import pytest

from databases.identifiers.mrz import check_digit

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

NUMBER = "PAE739204"


def td3(*, number: str, country: str, surname: str, given: str, birth: str, sex: str, expiry: str) -> str:
    """A valid ICAO 9303 TD3 zone (two lines of 44) with every check digit computed."""
    line1 = f"P<{country}{surname}<<{given.replace(' ', '<')}".ljust(44, "<")[:44]
    optional = "<" * 14
    body = f"{number}{check_digit(number)}{country}{birth}{check_digit(birth)}{sex}{expiry}{check_digit(expiry)}"
    composite_data = body[:10] + body[13:20] + body[21:28] + optional + "<"
    line2 = f"{body}{optional}<{check_digit(composite_data)}"
    return f"{line1}\n{line2}"


def test_stolen_passport_recorded_in_spain_hits_at_a_french_border(journey, demo_data, settings):
    password = settings.DEMO_PASSWORD

    spain = journey("j1-officer-es", "es")
    spain.login("officer.es", password)
    spain.goto("/es/databases/travel-documents/new/")
    spain.snap("new-document-form")
    page = spain.page
    page.fill("input[name=reference]", "ES-DGP-2026-0042")
    page.select_option("select[name=status]", "stolen")
    page.select_option("select[name=document_type]", "passport")
    page.fill("input[name=number]", NUMBER)
    country = page.locator("[name=issuing_country]")
    if country.evaluate("el => el.tagName") == "SELECT":
        country.select_option("ESP")
    else:
        country.fill("ESP")
    page.fill("input[name=holder_family_name]", "Garcia Lopez")
    page.fill("input[name=holder_given_names]", "Maria")
    page.fill("input[name=holder_date_of_birth]", "1985-03-14")
    page.locator("form button[type=submit]").last.click()
    page.wait_for_load_state("networkidle")
    assert NUMBER in page.content()
    spain.snap("recorded")

    france = journey("j1-officer-fr", "fr")
    france.login("officer.fr", password)
    france.goto("/fr/")
    zone = td3(
        number=NUMBER, country="ESP", surname="GARCIA<LOPEZ", given="MARIA", birth="850314", sex="F", expiry="310101"
    )
    france.page.fill("#quick-check-input", zone.replace("\n", ""))
    france.page.press("#quick-check-input", "Enter")
    france.page.wait_for_load_state("networkidle")
    outcome = france.page.locator("[data-outcome]").first
    assert outcome.get_attribute("data-outcome") == "hit"
    assert "ES-DGP-2026-0042" in france.page.content()
    france.snap("quick-check-hit")

    spain.goto("/es/notifications/")
    assert "ES-DGP-2026-0042" in spain.page.content() or NUMBER in spain.page.content()
    spain.snap("notification")
