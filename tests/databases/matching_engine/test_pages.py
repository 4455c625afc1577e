import pytest
from django.urls import reverse

from ncb.models import Unit
from tests.ncb.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_the_screening_page_finds_a_latin_record_from_arabic_input(client, officer_fr, person_of, ncb_es):
    person_of(ncb_es, "El Khatib", "Mohamed", "1975-03-02", reference="ES-KHATIB")
    client.force_login(officer_fr)
    response = client.get(reverse("databases:screening"), {"family_name": "الخطيب", "given_names": "محمد"})
    assert response.status_code == 200
    assert "ES-KHATIB" in response.content.decode() and "transliteration" in response.content.decode()


def test_the_screening_page_says_when_not_every_namesake_was_compared(client, officer_fr, person_of, ncb_es, settings):
    for year in ("1961", "1975", "1990"):
        person_of(ncb_es, "El Khatib", "Mohamed", year, reference=f"KHATIB-{year}")
    client.force_login(officer_fr)
    query = {"family_name": "El Khatib", "given_names": "Mohamed"}
    notice = "More persons share these names than one screening compares"
    assert notice not in client.get(reverse("databases:screening"), query).content.decode()
    settings.MATCH_MAX_CANDIDATES_WITHOUT_DATE = 2
    page = client.get(reverse("databases:screening"), query).content.decode()
    assert notice in page and page.count("KHATIB-") == 2


def test_the_screening_pages_are_refused_to_a_trainer(client, db):
    client.force_login(UserFactory(unit=Unit.objects.get(code="gs-lyon"), roles=["training_coordinator"]))
    assert client.get(reverse("databases:screening")).status_code == 403
    assert client.get(reverse("databases:screening_jobs")).status_code == 403


def test_a_passenger_list_upload_shows_progress_and_exports(client, officer_fr, django_capture_on_commit_callbacks):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(officer_fr)
    upload = SimpleUploadedFile("list.csv", b"family_name,given_names\nNobody,Else\n")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("databases:screening_jobs"), {"file": upload})
    assert response.status_code == 302
    page = client.get(response.url)
    assert page.status_code == 200 and "progress" in page.content.decode()
    export = client.get(response.url + "export/")
    assert b"Nobody" in b"".join(export.streaming_content)
