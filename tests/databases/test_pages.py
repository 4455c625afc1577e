"""Record pages: who may use them, constant query counts, owner-only changes, quick check, photos."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from databases.models import Person, TravelDocument
from ncb.choices import Restriction
from ncb.models import AuditEntry, Country
from ncb.services import record_restrict
from tests.databases.factories import (
    ArtworkFactory,
    FirearmFactory,
    PersonFactory,
    TravelDocumentFactory,
    VehicleFactory,
    td3_mrz,
)

pytestmark = pytest.mark.django_db

FACTORIES = {
    "persons": PersonFactory,
    "travel-documents": TravelDocumentFactory,
    "vehicles": VehicleFactory,
    "artworks": ArtworkFactory,
    "firearms": FirearmFactory,
}


def _with_nationalities(database, records):
    if database == "persons":
        for person in records:
            person.nationalities.set(Country.objects.filter(iso2__in=["ES", "FR"]))


@pytest.mark.parametrize("database", FACTORIES)
def test_list_page_query_count_is_constant(
    client, officer_fr, database, django_assert_num_queries, django_assert_max_num_queries
):
    client.force_login(officer_fr)
    _with_nationalities(database, FACTORIES[database].create_batch(2))
    client.get(f"/en/databases/{database}/")  # warm caches (content types, session)
    with django_assert_max_num_queries(100) as two:
        assert client.get(f"/en/databases/{database}/").status_code == 200
    _with_nationalities(database, FACTORIES[database].create_batch(18))
    with django_assert_num_queries(len(two.captured_queries)):
        response = client.get(f"/en/databases/{database}/")
    assert response.content.decode().count("/databases/" + database + "/") >= 20


@pytest.mark.parametrize("database", FACTORIES)
def test_pages_are_for_database_roles_only(client, officer_fr, ccc_officer, trainer, database):
    record = FACTORIES[database]()
    for user, expected in ((officer_fr, 200), (ccc_officer, 200), (trainer, 403)):
        client.force_login(user)
        assert client.get(f"/en/databases/{database}/").status_code == expected
        assert client.get(f"/en/databases/{database}/{record.pk}/").status_code == expected


def test_unknown_database_is_404(client, officer_fr):
    client.force_login(officer_fr)
    assert client.get("/en/databases/boats/").status_code == 404


def test_list_search_finds_arabic_name_from_latin_and_audits(client, officer_fr):
    PersonFactory(family_name="محمد", given_names="أحمد")
    client.force_login(officer_fr)
    response = client.get("/en/databases/persons/", {"q": "Muhammad"})
    assert "محمد" in response.content.decode()
    assert AuditEntry.objects.filter(action="persons.search").exists()


def test_restricted_record_is_absent_from_list_and_detail_of_excluded_country(client, officer_fr):
    document = TravelDocumentFactory(number="XD7777777")
    record_restrict(
        record=document, actor=None, restriction=Restriction.ONLY, countries=[Country.objects.get(iso2="EG")]
    )
    client.force_login(officer_fr)
    assert "XD7777777" not in client.get("/en/databases/travel-documents/").content.decode()
    assert client.get(f"/en/databases/travel-documents/{document.pk}/").status_code == 404


def test_officer_records_a_person_with_aliases_and_nationalities(client, officer_fr):
    client.force_login(officer_fr)
    france = Country.objects.get(iso2="FR")
    response = client.post(
        "/en/databases/persons/new/",
        {
            "reference": "FR-1",
            "status": "wanted",
            "family_name": "حسن",
            "given_names": "علي",
            "sex": "M",
            "date_of_birth": "1975-03",
            "nationalities": [france.pk],
            "aliases": "Ali Hassan\nAbu Ali",
        },
    )
    person = Person.objects.get(reference="FR-1")
    assert response.status_code == 302
    assert person.owner == officer_fr.unit and person.family_name_latin and person.birth_year == 1975
    assert [a.name for a in person.aliases.all()] == ["Ali Hassan", "Abu Ali"]


def test_create_form_reports_identifier_errors_on_the_field(client, officer_fr):
    client.force_login(officer_fr)
    response = client.post(
        "/en/databases/travel-documents/new/",
        {
            "reference": "FR-2",
            "status": "stolen",
            "document_type": "passport",
            "number": "AB!!12",
            "issuing_country": "FR",
        },
    )
    assert response.status_code == 200
    assert "only contain letters" in response.content.decode()
    assert not TravelDocument.objects.exists()


def test_ccc_may_not_create_records(client, ccc_officer):
    client.force_login(ccc_officer)
    assert client.get("/en/databases/persons/new/").status_code == 403


def test_only_the_owner_edits_restricts_closes_and_reviews(client, officer_fr, officer_es):
    document = TravelDocumentFactory(owner=officer_es.unit, number="XD1234567")
    base = f"/en/databases/travel-documents/{document.pk}"
    client.force_login(officer_fr)
    assert client.get(f"{base}/edit/").status_code == 403
    assert client.get(f"{base}/restrict/").status_code == 403
    assert client.post(f"{base}/close/", {"status": "recovered"}).status_code == 403
    assert client.post(f"{base}/review/").status_code == 403
    client.force_login(officer_es)
    assert client.get(f"{base}/edit/").status_code == 200
    france = Country.objects.get(iso2="FR")
    client.post(f"{base}/restrict/", {"restriction": "all_except", "countries": [france.pk]})
    client.post(f"{base}/close/", {"status": "recovered"})
    client.post(f"{base}/review/")
    document.refresh_from_db()
    assert (document.restriction, document.status, document.reviewed_at is not None) == (
        "all_except",
        "recovered",
        True,
    )


def test_edit_changes_keys(client, officer_es):
    document = TravelDocumentFactory(owner=officer_es.unit, number="XD1234567")
    client.force_login(officer_es)
    response = client.post(
        f"/en/databases/travel-documents/{document.pk}/edit/",
        {
            "reference": document.reference,
            "status": "lost",
            "document_type": "passport",
            "number": "XD-765 4321",
            "issuing_country": "ESP",
        },
    )
    assert response.status_code == 302
    document.refresh_from_db()
    assert (document.number_normalized, document.status) == ("XD7654321", "lost")


def test_quick_check_recognises_an_mrz_and_shows_the_stolen_passport(client, officer_fr):
    TravelDocumentFactory(number="XD1234567", issuing_country="ESP")
    mrz = td3_mrz(country="ESP", number="XD1234567", surname="Garcia", given="Maria")
    client.force_login(officer_fr)
    page = client.get("/en/databases/quick-check/", {"q": mrz}).content.decode()
    assert "machine-readable zone" in page
    assert 'data-outcome="hit"' in page


def test_quick_check_vin_name_and_no_hit(client, officer_fr):
    VehicleFactory(vin="WVWZZZ1JZ3W386752")
    PersonFactory(family_name="Okafor", given_names="Chidi")
    client.force_login(officer_fr)
    assert 'data-outcome="hit"' in client.get("/en/databases/quick-check/", {"q": "WVWZZZ1JZ3W386752"}).content.decode()
    assert 'data-outcome="hit"' in client.get("/en/databases/quick-check/", {"q": "okafor"}).content.decode()
    assert 'data-outcome="no-hit"' in client.get("/en/databases/quick-check/", {"q": "ZZ9999999"}).content.decode()


def test_quick_check_box_is_in_the_navbar_for_database_roles_only(client, officer_fr, trainer):
    client.force_login(officer_fr)
    assert "quick-check-input" in client.get("/en/").content.decode()
    client.force_login(trainer)
    assert "quick-check-input" not in client.get("/en/").content.decode()
    assert client.get("/en/databases/quick-check/", {"q": "X"}).status_code == 403


def _jpeg_with_exif() -> bytes:
    image = Image.new("RGB", (640, 480), "navy")
    exif = Image.Exif()
    exif[0x010F] = "SpyCam"  # Make
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", exif=exif)
    return buffer.getvalue()


def test_photo_upload_strips_metadata_and_is_served_through_the_policy(client, officer_es, officer_fr):
    person = PersonFactory(owner=officer_es.unit)
    client.force_login(officer_es)
    upload = SimpleUploadedFile("x.png", _jpeg_with_exif(), content_type="image/png")
    client.post(f"/en/databases/persons/{person.pk}/photos/", {"image": upload, "caption": "front"})
    photo = person.photos.get()
    assert len(photo.dhash) == 16 and (photo.width, photo.height) == (640, 480)
    served = b"".join(client.get(f"/en/databases/persons/{person.pk}/photos/{photo.pk}/full/").streaming_content)
    assert b"SpyCam" not in served and Image.open(io.BytesIO(served)).format == "JPEG"
    record_restrict(
        record=person, actor=None, restriction=Restriction.ALL_EXCEPT, countries=[Country.objects.get(iso2="FR")]
    )
    client.force_login(officer_fr)
    assert client.get(f"/en/databases/persons/{person.pk}/photos/{photo.pk}/thumb/").status_code == 404


def test_photo_upload_refuses_a_file_that_is_not_an_image(client, officer_es):
    person = PersonFactory(owner=officer_es.unit)
    client.force_login(officer_es)
    upload = SimpleUploadedFile("x.jpg", b"<script>alert(1)</script>", content_type="image/jpeg")
    response = client.post(f"/en/databases/persons/{person.pk}/photos/", {"image": upload}, follow=True)
    assert "not a readable photo" in response.content.decode()
    assert not person.photos.exists()


def test_hits_page_lists_hits_and_owner_reviews(client, api_for, officer_fr, officer_es, trainer):
    TravelDocumentFactory(owner=officer_es.unit, number="XD1234567")
    api_for(officer_fr).get("/api/v1/check/travel-document", {"number": "XD1234567"})
    client.force_login(officer_es)
    page = client.get("/en/databases/hits/").content.decode()
    assert "XD" not in page or "REF-" in page
    from databases.models import Hit

    hit = Hit.objects.get()
    client.force_login(officer_fr)
    assert client.post(f"/en/databases/hits/{hit.pk}/review/", {"review_status": "confirmed"}).status_code == 403
    client.force_login(officer_es)
    client.post(f"/en/databases/hits/{hit.pk}/review/", {"review_status": "false_positive", "review_reason": "twin"})
    hit.refresh_from_db()
    assert (hit.review_status, hit.review_reason) == ("false_positive", "twin")
    client.force_login(trainer)
    assert client.get("/en/databases/hits/").status_code == 403


def test_index_page(client, officer_fr, trainer):
    client.force_login(officer_fr)
    assert client.get("/en/databases/").status_code == 200
    client.force_login(trainer)
    assert client.get("/en/databases/").status_code == 403


def test_quick_check_shows_the_status_in_the_officers_language(client, officer_fr):
    TravelDocumentFactory(number="XD1234567", issuing_country="ESP", status="stolen")
    client.force_login(officer_fr)
    page = client.get("/fr/databases/quick-check/", {"q": "XD1234567"}).content.decode()
    assert 'data-outcome="hit"' in page
    assert "— Volé ·" in page and "— stolen" not in page
