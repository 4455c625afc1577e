"""The shell of the portal in a real browser: sign-in in each language, right-to-left Arabic."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_arabic_officer_signs_in_and_the_page_is_right_to_left(journey, demo_data, settings):
    officer = journey("smoke-ar", "ar")
    officer.goto("/ar/accounts/login/")
    assert officer.page.get_attribute("html", "dir") == "rtl"
    officer.snap("login")
    officer.login("officer.eg", settings.DEMO_PASSWORD)
    assert officer.page.url.endswith("/ar/")
    assert officer.page.get_attribute("html", "lang") == "ar"
    officer.snap("home")


@pytest.mark.parametrize("language", ["en", "fr", "es"])
def test_login_page_in_each_left_to_right_language(journey, language):
    visitor = journey(f"smoke-{language}", language)
    visitor.goto(f"/{language}/accounts/login/")
    assert visitor.page.get_attribute("html", "dir") == "ltr"
    assert visitor.page.get_attribute("html", "lang") == language
    visitor.check_accessibility()


def test_language_switcher_keeps_the_page(journey, demo_data, settings):
    officer = journey("switch", "en")
    officer.login("officer.us", settings.DEMO_PASSWORD)
    officer.goto("/en/accounts/profile/")
    # Below 1400 px the menu is folded into its toggler, as an officer at a 1280-px screen sees it.
    assert officer.page.is_hidden("#language-select")
    officer.page.click(".navbar-toggler")
    officer.page.select_option("#language-select", "es")
    officer.page.wait_for_url("**/es/accounts/profile/")
    assert officer.page.get_attribute("html", "lang") == "es"
