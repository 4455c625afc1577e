"""REST API of the records: lists with constant queries, create and update by the owner, policy applied."""

import pytest

from databases.models import Artwork, Person
from ncb.choices import Restriction
from ncb.models import Country
from ncb.services import record_restrict
from tests.databases.factories import (
    ArtworkFactory,
    FirearmFactory,
    PersonFactory,
    TravelDocumentFactory,
    VehicleFactory,
)

pytestmark = pytest.mark.django_db

FACTORIES = {
    "persons": PersonFactory,
    "travel-documents": TravelDocumentFactory,
    "vehicles": VehicleFactory,
    "artworks": ArtworkFactory,
    "firearms": FirearmFactory,
}


@pytest.mark.parametrize("database", FACTORIES)
def test_api_list_query_count_is_constant(
    api_for, officer_fr, database, django_assert_num_queries, django_assert_max_num_queries
):
    client = api_for(officer_fr)
    url = f"/api/v1/databases/{database}/"
    FACTORIES[database].create_batch(2)
    client.get(url)
    with django_assert_max_num_queries(50) as two:
        assert client.get(url).json()["count"] == 2
    for record in FACTORIES[database].create_batch(18):
        if database == "persons":
            record.nationalities.set(Country.objects.filter(iso2__in=["ES", "MA"]))
            record.aliases.create(name="Alias", name_key="alias")
    with django_assert_num_queries(len(two.captured_queries)):
        assert len(client.get(url, {"limit": 50}).json()["results"]) == 20


def test_person_lists_show_nationalities_in_code_order_and_aliases_as_recorded(api_for, client, officer_fr):
    person = PersonFactory(owner=officer_fr.unit, reference="FR-LIST-1")
    person.nationalities.set(Country.objects.filter(iso2__in=["MA", "ES", "DZ"]))
    for name in ("Zorro", "Abu Karim"):
        person.aliases.create(name=name, name_key=name.lower())
    api = api_for(officer_fr)
    listed = next(item for item in api.get("/api/v1/databases/persons/").json()["results"] if item["id"] == person.pk)
    shown = api.get(f"/api/v1/databases/persons/{person.pk}/").json()
    for body in (listed, shown):
        assert body["nationalities"] == ["DZ", "ES", "MA"] and body["aliases"] == ["Zorro", "Abu Karim"]
    client.force_login(officer_fr)
    assert "DZ, ES, MA" in client.get("/en/databases/persons/").content.decode()


@pytest.mark.parametrize("database", FACTORIES)
def test_api_is_read_for_ccc_and_refused_to_others(api_for, client, ccc_officer, trainer, database):
    record = FACTORIES[database]()
    url = f"/api/v1/databases/{database}/"
    assert api_for(ccc_officer).get(url).status_code == 200
    assert api_for(ccc_officer).get(f"{url}{record.pk}/").status_code == 200
    assert api_for(ccc_officer).post(url, {}, format="json").status_code == 403
    assert api_for(trainer).get(url).status_code == 403
    assert client.get(url).status_code in (401, 403)


def test_create_person_through_api(api_for, officer_fr):
    response = api_for(officer_fr).post(
        "/api/v1/databases/persons/",
        {
            "reference": "API-1",
            "status": "wanted",
            "family_name": "Benali",
            "given_names": "Karim",
            "date_of_birth": "1979",
            "sex": "M",
            "nationalities": ["fr", "DZ"],
            "aliases": ["Abu Karim"],
            "documents": [{"document_type": "passport", "number": "12AB34567", "issuing_country": "FR"}],
        },
        format="json",
    )
    assert response.status_code == 201, response.json()
    body = response.json()
    assert (
        body["owner_country"] == "FR" and body["nationalities"] == ["DZ", "FR"] or body["nationalities"] == ["FR", "DZ"]
    )
    person = Person.objects.get(reference="API-1")
    assert person.documents.get().issuing_country == "FRA"


def test_create_reports_identifier_error_as_400(api_for, officer_fr):
    response = api_for(officer_fr).post(
        "/api/v1/databases/vehicles/", {"reference": "V-1", "status": "stolen", "vin": "TOO-SHORT"}, format="json"
    )
    assert response.status_code == 400 and "vin" in response.json()


def test_create_artwork_with_translated_titles(api_for, officer_fr):
    response = api_for(officer_fr).post(
        "/api/v1/databases/artworks/",
        {
            "reference": "A-1",
            "status": "stolen",
            "artwork_type": "painting",
            "title_en": "The Dream",
            "title_fr": "Le Rêve",
            "artist": "Henri Rousseau",
        },
        format="json",
    )
    assert response.status_code == 201, response.json()
    assert Artwork.objects.get().title_fr == "Le Rêve"


def test_update_is_for_the_owner_only(api_for, officer_fr, officer_es):
    document = TravelDocumentFactory(owner=officer_es.unit, number="XD1234567")
    url = f"/api/v1/databases/travel-documents/{document.pk}/"
    assert api_for(officer_fr).patch(url, {"status": "lost"}, format="json").status_code == 403
    response = api_for(officer_es).patch(url, {"status": "lost", "number": "XD 7654321"}, format="json")
    assert response.status_code == 200, response.json()
    assert (response.json()["status"], response.json()["number_normalized"]) == ("lost", "XD7654321")


def test_restricted_record_is_invisible_in_api_to_excluded_country(api_for, officer_fr, officer_eg):
    document = TravelDocumentFactory(number="XD1234567")
    record_restrict(
        record=document, actor=None, restriction=Restriction.ALL_EXCEPT, countries=[Country.objects.get(iso2="FR")]
    )
    french = api_for(officer_fr)
    assert french.get("/api/v1/databases/travel-documents/").json()["count"] == 0
    assert french.get(f"/api/v1/databases/travel-documents/{document.pk}/").status_code == 404
    assert api_for(officer_eg).get("/api/v1/databases/travel-documents/").json()["count"] == 1


def test_api_list_filters(api_for, officer_fr):
    TravelDocumentFactory(number="XD1234567", issuing_country="ESP")
    TravelDocumentFactory(number="XD7654321", issuing_country="FRA", status="lost")
    client = api_for(officer_fr)
    assert client.get("/api/v1/databases/travel-documents/", {"q": "XD1234567"}).json()["count"] == 1
    assert client.get("/api/v1/databases/travel-documents/", {"status": "lost"}).json()["count"] == 1
    assert client.get("/api/v1/databases/travel-documents/", {"issuing_country": "FRA"}).json()["count"] == 1
