import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("language, direction", [("ar", "rtl"), ("en", "ltr"), ("fr", "ltr"), ("es", "ltr")])
def test_pages_carry_lang_and_direction(client, language, direction):
    response = client.get(f"/{language}/accounts/login/")
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{language}" dir="{direction}">' in html


def test_arabic_pages_use_the_rtl_build_of_bootstrap(client):
    html = client.get("/ar/accounts/login/").content.decode()
    assert "bootstrap.rtl.min.css" in html
    assert "bootstrap.min.css" not in html.replace("bootstrap.rtl.min.css", "")


@pytest.mark.parametrize("language, word", [("fr", "Se connecter"), ("es", "Iniciar sesión"), ("ar", "تسجيل الدخول")])
def test_login_page_is_translated(client, language, word):
    assert word in client.get(f"/{language}/accounts/login/").content.decode()


def test_language_switcher_keeps_the_current_page(client):
    response = client.post("/i18n/setlang/", {"language": "fr", "next": "/en/accounts/login/?next=/en/"})
    assert response.status_code == 302
    assert response["Location"].startswith("/fr/accounts/login/")


def test_language_switch_is_remembered_for_a_signed_in_user(client, officer_fr):
    client.force_login(officer_fr)
    client.post("/i18n/setlang/", {"language": "ar", "next": "/en/"})
    officer_fr.refresh_from_db()
    assert officer_fr.preferred_language == "ar"


def test_root_redirects_to_a_language_prefix(client):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="es")
    assert response.status_code == 302
    assert response["Location"] == "/es/"


def test_static_front_end_packages_are_served_locally(client):
    for path in (
        "/static/vendor/bootstrap/css/bootstrap.rtl.min.css",
        "/static/vendor/htmx/htmx.min.js",
        "/static/vendor/chartjs/chart.umd.js",
    ):
        response = client.get(path)
        assert response.status_code == 200, path
