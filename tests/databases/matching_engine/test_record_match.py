import pytest

from databases.choices import HitReview
from databases.models import Hit
from databases.screening.sweep import match_sweep_start, match_sweep_work
from databases.services import hit_review, record_create
from databases.services.matching import record_match
from ncb.models import Country, Notification
from ncb.services import record_restrict

pytestmark = pytest.mark.django_db


def test_a_new_person_is_matched_on_commit(person_of, ncb_es, ncb_fr, django_capture_on_commit_callbacks):
    person_of(ncb_es, "El Khatib", "Mohamed", "1975-03-02")
    with django_capture_on_commit_callbacks(execute=True):
        person_of(ncb_fr, "الخطيب", "محمد", "1975-03-02")
    hit = Hit.objects.get(rule="person_name")
    assert {hit.record_owner_id, hit.unit_id} == {ncb_es.pk, ncb_fr.pk}
    assert Notification.objects.filter(unit=ncb_es, kind="hit").exists()
    assert Notification.objects.filter(unit=ncb_fr, kind="hit").exists()


def test_matching_either_side_again_creates_nothing(person_of, ncb_es, ncb_fr):
    first = person_of(ncb_es, "El Khatib", "Mohamed", "1975-03-02")
    second = person_of(ncb_fr, "El Khatib", "Mohamed", "1975-03-02")
    assert record_match(database="persons", record_id=second.pk) == 1
    assert record_match(database="persons", record_id=first.pk) == 0
    assert record_match(database="persons", record_id=second.pk) == 0
    assert Hit.objects.count() == 1


def test_a_false_positive_is_not_raised_again(person_of, ncb_es, ncb_fr, officer_es):
    first = person_of(ncb_es, "El Khatib", "Mohamed", "1975-03-02")
    second = person_of(ncb_fr, "El Khatib", "Mohamed", "1975-03-02")
    record_match(database="persons", record_id=second.pk)
    hit_review(hit=Hit.objects.get(), actor=officer_es, status=HitReview.FALSE_POSITIVE, reason="different person")
    notified = Notification.objects.count()
    assert record_match(database="persons", record_id=first.pk) == 0
    assert Hit.objects.get().review_status == HitReview.FALSE_POSITIVE and Notification.objects.count() == notified


def test_persons_of_the_same_owner_give_no_hit(person_of, ncb_es):
    person_of(ncb_es, "El Khatib", "Mohamed", "1975-03-02", reference="A")
    second = person_of(ncb_es, "El Khatib", "Mohamed", "1975-03-02", reference="B")
    assert record_match(database="persons", record_id=second.pk) == 0


def test_a_restricted_pair_gives_no_hit_and_the_owner_is_told(person_of, ncb_es, ncb_fr, officer_es):
    first = person_of(ncb_es, "El Khatib", "Mohamed", "1975-03-02")
    record_restrict(
        record=first, actor=officer_es, restriction="all_except", countries=[Country.objects.get(iso2="FR")]
    )
    second = person_of(ncb_fr, "El Khatib", "Mohamed", "1975-03-02")
    assert record_match(database="persons", record_id=second.pk) == 0
    assert not Hit.objects.exists()
    assert Notification.objects.filter(unit=ncb_es, kind="restricted_attempt").exists()


def test_a_travel_document_matches_a_person_by_holder_name(person_of, ncb_es, ncb_fr):
    person = person_of(ncb_es, "El Khatib", "Mohamed", "1975-03-02")
    document = record_create(
        database="travel-documents",
        owner=ncb_fr,
        actor=None,
        data={
            "reference": "TD-1",
            "status": "stolen",
            "number": "FR1234567",
            "issuing_country": "FRA",
            "holder_family_name": "الخطيب",
            "holder_given_names": "محمد",
            "holder_date_of_birth": "1975-03-02",
        },
    )
    assert record_match(database="travel-documents", record_id=document.pk) == 1
    hit = Hit.objects.get()
    assert (hit.record_id, hit.source_record_id, hit.rule) == (person.pk, document.pk, "document_holder")


def test_vehicles_match_by_vin_across_owners(ncb_es, ncb_fr):
    data = {"status": "stolen", "vin": "WVWZZZ1JZ3W386752", "make": "VW"}
    record_create(database="vehicles", owner=ncb_es, actor=None, data={**data, "reference": "V1"})
    other = record_create(database="vehicles", owner=ncb_fr, actor=None, data={**data, "reference": "V2"})
    assert record_match(database="vehicles", record_id=other.pk) == 1
    assert Hit.objects.get().rule == "vehicle_vin"


def test_a_sweep_finds_each_pair_once_and_again_nothing(person_of, ncb_es, ncb_fr, ncb_eg):
    person_of(ncb_es, "El Khatib", "Mohamed", "1975-03-02")
    person_of(ncb_fr, "الخطيب", "محمد", "1975-03-02")
    person_of(ncb_eg, "Garcia", "Maria", "1980-01-01")
    sweep = match_sweep_start(chunk_size=1)
    assert match_sweep_work(sweep_id=sweep.pk).chunks == sweep.total_chunks
    sweep.refresh_from_db()
    assert sweep.status == "done" and sweep.hits == 1 and Hit.objects.count() == 1
    again = match_sweep_start(chunk_size=2)
    match_sweep_work(sweep_id=again.pk)
    again.refresh_from_db()
    assert again.hits == 0 and Hit.objects.count() == 1
