"""Real-time checks: hit and no hit, hits recorded once, restriction, review date, escalation, batch, roles."""

import datetime as dt

import pytest
from django.utils import timezone

from databases.models import Hit
from ncb.choices import Restriction
from ncb.models import AuditEntry, Country, Notification
from ncb.services import record_restrict
from tests.databases.factories import FirearmFactory, TravelDocumentFactory, VehicleFactory

pytestmark = pytest.mark.django_db

CHECK = "/api/v1/check/travel-document"


def test_travel_document_check_hits_exact_number_with_separators(api_for, officer_fr):
    document = TravelDocumentFactory(number="XD1234567", issuing_country="ESP")
    answer = api_for(officer_fr).get(CHECK, {"number": "xd 123-4567", "country": "ES"}).json()
    assert answer["hit"] is True
    match = answer["matches"][0]
    assert (match["id"], match["rule"], match["owner_country"]) == (document.pk, "exact", "ES")


def test_travel_document_check_finds_ocr_misreading(api_for, officer_fr):
    TravelDocumentFactory(number="XD1234567", issuing_country="ESP")
    answer = api_for(officer_fr).get(CHECK, {"number": "XDI234S67", "country": "ESP"}).json()
    assert answer["hit"] and answer["matches"][0]["rule"] == "confusion"


def test_travel_document_check_of_another_country_is_no_hit(api_for, officer_fr):
    TravelDocumentFactory(number="XD1234567", issuing_country="ESP")
    answer = api_for(officer_fr).get(CHECK, {"number": "XD1234567", "country": "FR"}).json()
    assert answer == {"hit": False, "matches": []}


def test_invalid_number_is_a_400_naming_the_field(api_for, officer_fr):
    response = api_for(officer_fr).get(CHECK, {"number": "", "country": "ES"})
    assert response.status_code == 400
    assert response.json()["error"]["field"] == "document_number"


def test_every_check_is_audited_hit_or_not(api_for, officer_fr):
    client = api_for(officer_fr)
    TravelDocumentFactory(number="XD1234567")
    client.get(CHECK, {"number": "XD1234567"})
    client.get(CHECK, {"number": "ZZ9999999"})
    outcomes = list(AuditEntry.objects.filter(action="check.travel-document").values_list("outcome", flat=True))
    assert sorted(outcomes) == ["hit", "no hit"]


def test_a_check_that_finds_nothing_is_looked_up_and_audited_in_one_statement(
    api_for, officer_fr, django_assert_num_queries
):
    client = api_for(officer_fr)
    client.get(CHECK, {"number": "ZZ0000001"})  # the token is cached from here on
    with django_assert_num_queries(1):
        answer = client.get(CHECK, {"number": "zz 999-9999", "country": "FR"}).json()
    assert answer == {"hit": False, "matches": []}
    row = AuditEntry.objects.filter(action="check.travel-document").latest("id")
    assert (row.actor, row.unit_id, row.actor_username) == (officer_fr, officer_fr.unit_id, officer_fr.username)
    assert (row.outcome, row.query, row.target_type, row.ip_address) == (
        "no hit",
        {"number": "ZZ9999999", "country": "FRA"},
        "",
        "127.0.0.1",
    )


def test_a_check_whose_only_match_is_hidden_is_audited_once_as_no_hit(api_for, officer_fr):
    document = TravelDocumentFactory(number="XD1234567")
    record_restrict(
        record=document, actor=None, restriction=Restriction.ALL_EXCEPT, countries=[Country.objects.get(iso2="FR")]
    )
    api_for(officer_fr).get(CHECK, {"number": "XD1234567"})
    rows = AuditEntry.objects.filter(action="check.travel-document")
    assert list(rows.values_list("outcome", "target_id")) == [("no hit", "")]


def test_same_query_by_same_unit_records_one_hit_and_notifies_owner_once(api_for, officer_fr, ncb_es):
    TravelDocumentFactory(number="XD1234567")
    client = api_for(officer_fr)
    first = client.get(CHECK, {"number": "XD1234567", "country": "ES"}).json()
    second = client.get(CHECK, {"number": "XD 1234567", "country": "ESP"}).json()
    assert first["matches"][0]["hit_id"] == second["matches"][0]["hit_id"]
    assert Hit.objects.count() == 1
    assert Notification.objects.filter(unit=ncb_es, kind="hit").count() == 1


def test_restricted_record_gives_plain_no_hit_to_excluded_country_and_tells_owner(api_for, officer_fr, ncb_es):
    document = TravelDocumentFactory(number="XD1234567")
    record_restrict(
        record=document, actor=None, restriction=Restriction.ALL_EXCEPT, countries=[Country.objects.get(iso2="FR")]
    )
    response = api_for(officer_fr).get(CHECK, {"number": "XD1234567", "country": "ES"})
    assert response.json() == {"hit": False, "matches": []}
    assert not Hit.objects.exists()
    note = Notification.objects.get(unit=ncb_es, kind="restricted_attempt")
    assert note.params["country"] == "FR"


def test_restricted_record_still_hits_for_a_country_not_excluded(api_for, officer_eg):
    document = TravelDocumentFactory(number="XD1234567")
    record_restrict(
        record=document, actor=None, restriction=Restriction.ALL_EXCEPT, countries=[Country.objects.get(iso2="FR")]
    )
    assert api_for(officer_eg).get(CHECK, {"number": "XD1234567"}).json()["hit"] is True


def test_record_past_review_date_and_closed_record_give_no_hit(api_for, officer_fr):
    TravelDocumentFactory(number="XD1111111", review_by=timezone.localdate() - dt.timedelta(days=1))
    TravelDocumentFactory(number="XD2222222", status="recovered")
    client = api_for(officer_fr)
    assert client.get(CHECK, {"number": "XD1111111"}).json()["hit"] is False
    assert client.get(CHECK, {"number": "XD2222222"}).json()["hit"] is False


calls = []


def record_escalation(hit_ids):
    calls.extend(hit_ids)


def test_high_priority_hit_calls_escalation_handler_on_commit(
    api_for, officer_fr, settings, django_capture_on_commit_callbacks
):
    settings.HIT_ESCALATION_HANDLER = "tests.databases.test_checks.record_escalation"
    settings.HIT_CASE_PRIORITY_THRESHOLD = 3
    FirearmFactory(make="Glock", serial_number="ABC12345")
    calls.clear()
    with django_capture_on_commit_callbacks(execute=True):
        answer = api_for(officer_fr).get("/api/v1/check/firearm", {"serial": "ABC-12345", "make": "GLOCK GmbH"}).json()
    assert calls == [answer["matches"][0]["hit_id"]]


def test_low_priority_hit_is_not_escalated(api_for, officer_fr, settings, django_capture_on_commit_callbacks):
    settings.HIT_ESCALATION_HANDLER = "tests.databases.test_checks.record_escalation"
    settings.HIT_CASE_PRIORITY_THRESHOLD = 4
    TravelDocumentFactory(number="XD1234567", status="lost")
    calls.clear()
    with django_capture_on_commit_callbacks(execute=True):
        api_for(officer_fr).get(CHECK, {"number": "XD1234567"})
    assert calls == []


def test_vehicle_check_by_vin_and_by_plate(api_for, officer_fr):
    vehicle = VehicleFactory(vin="WVWZZZ1JZ3W386752", plate="1234 BCD", plate_country="ES")
    client = api_for(officer_fr)
    assert client.get("/api/v1/check/vehicle", {"vin": "WVWZZZ1JZ3W386752"}).json()["matches"][0]["id"] == vehicle.pk
    assert client.get("/api/v1/check/vehicle", {"plate": "1234-bcd", "country": "ESP"}).json()["hit"] is True
    assert client.get("/api/v1/check/vehicle", {"plate": "1234-bcd", "country": "FR"}).json()["hit"] is False
    assert client.get("/api/v1/check/vehicle", {"plate": "1234-bcd"}).status_code == 400


def test_firearm_check_by_serial_with_and_without_make(api_for, officer_fr):
    FirearmFactory(make="Heckler & Koch GmbH", serial_number="HK-0042")
    client = api_for(officer_fr)
    assert client.get("/api/v1/check/firearm", {"serial": "hk 0042"}).json()["hit"] is True
    assert client.get("/api/v1/check/firearm", {"serial": "HK0042", "make": "Heckler und Koch"}).json()["hit"]
    assert client.get("/api/v1/check/firearm", {"serial": "HK0042", "make": "Beretta"}).json()["hit"] is False


def test_batch_answers_each_item_in_order_and_bulk_audits(api_for, officer_fr, django_assert_max_num_queries):
    TravelDocumentFactory(number="XD1234567")
    VehicleFactory(vin="WVWZZZ1JZ3W386752")
    items = [
        {"type": "travel-document", "number": "XD1234567", "country": "ES"},
        {"type": "vehicle", "vin": "WVWZZZ1JZ3W386752"},
        {"type": "firearm", "serial": "NOPE123"},
        {"type": "boat", "number": "1"},
        *({"type": "travel-document", "number": f"QQ{i:07d}"} for i in range(50)),
    ]
    response = api_for(officer_fr).post("/api/v1/check/batch", {"items": items}, format="json")
    results = response.json()["results"]
    assert [r["hit"] for r in results[:4]] == [True, True, False, False]
    assert results[3]["error"]["field"] == "type"
    assert len(results) == len(items)
    assert AuditEntry.objects.filter(action="check.batch").count() == len(items)


def test_a_large_batch_audits_every_item_as_sent_even_hostile_values(api_for, officer_fr):
    # From 50 items the audit rows go through COPY: separators, backslashes and scripts must arrive intact.
    hostile = ["tab\there", "line\nbreak\r", "back\\slash\\N", "\\N", "محمد", "'; DROP TABLE x; --", "😀", "nul\x00"]
    items = [{"type": "boat", "number": value} for value in hostile]
    items += [{"type": "travel-document", "number": f"QQ{i:07d}"} for i in range(60)]
    response = api_for(officer_fr).post("/api/v1/check/batch", {"items": items}, format="json")
    assert response.status_code == 200
    rows = AuditEntry.objects.filter(action="check.batch").order_by("id")
    assert rows.count() == len(items)
    # PostgreSQL's jsonb refuses NUL characters: they are the only thing taken out.
    assert [row.query.get("number") for row in rows[: len(hostile)]] == [v.replace("\x00", "") for v in hostile]
    first = rows.first()
    assert first.actor == officer_fr and first.unit_id == officer_fr.unit_id and first.outcome == "invalid"
    assert first.target_type == "" and first.ip_address
    assert rows.last().query == {"number": "QQ0000059", "country": ""} and rows.last().outcome == "no hit"


def test_batch_query_count_does_not_grow_with_items(api_for, officer_fr, django_assert_max_num_queries):
    client = api_for(officer_fr)
    client.get("/api/v1/me/")
    items = [{"type": "travel-document", "number": f"QQ{i:07d}"} for i in range(300)]
    with django_assert_max_num_queries(8):
        assert client.post("/api/v1/check/batch", items, format="json").status_code == 200


def test_batch_refuses_more_than_1000_items(api_for, officer_fr):
    items = [{"type": "firearm", "serial": "X1"}] * 1001
    assert api_for(officer_fr).post("/api/v1/check/batch", {"items": items}, format="json").status_code == 400


@pytest.mark.parametrize(
    "path", [CHECK + "?number=X1", "/api/v1/check/vehicle?vin=X", "/api/v1/check/firearm?serial=1"]
)
def test_checks_are_for_ncb_and_ccc_staff_only(api_for, officer_fr, ccc_officer, trainer, client, path):
    assert api_for(officer_fr).get(path).status_code in (200, 400)
    assert api_for(ccc_officer).get(path).status_code in (200, 400)
    assert api_for(trainer).get(path).status_code == 403
    assert client.get(path).status_code in (401, 403)


def test_batch_is_refused_to_other_roles(api_for, trainer, client):
    assert api_for(trainer).post("/api/v1/check/batch", [], format="json").status_code == 403
    assert client.post("/api/v1/check/batch", "[]", content_type="application/json").status_code in (401, 403)
