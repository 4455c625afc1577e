"""The public notices API: INTERPOL's shape, public extracts only, unauthenticated and rate-limited."""

import json

import pytest
from django.utils import timezone

from ncb.api.throttling import PublicRateThrottle
from notices.choices import NoticeStatus, NoticeType
from tests.notices.factories import NoticeFactory, in_status, photo_upload, published

pytestmark = pytest.mark.django_db

LIST = "/public/api/notices/v1/{}"
SUMMARY_KEYS = {"entity_id", "forename", "name", "date_of_birth", "nationalities", "_links"}
RED_DETAIL_KEYS = SUMMARY_KEYS | {
    "arrest_warrants",
    "sex_id",
    "height",
    "weight",
    "distinguishing_marks",
    "place_of_birth",
    "country_of_birth_id",
    "languages_spoken_ids",
}
# What an NCB wrote that never goes public, whatever the consent.
SECRETS = ("SECRET-FACTS-MARKER", "WARRANT-SECRET-123", "Investigating judge", "Article 311-8", "Paris", "t.officer")


def _public_red(**kwargs):
    return published(NoticeFactory(**kwargs), consent=True)


def _detail_url(notice) -> str:
    return f"/public/api/notices/v1/{notice.notice_type}/{notice.entity_id.replace('/', '-')}"


def test_list_has_interpols_shape(client):
    notice = _public_red()
    response = client.get(LIST.format("red"))
    assert response.status_code == 200
    body = response.json()
    assert body["total"] == 1
    (item,) = body["_embedded"]["notices"]
    assert set(item) == SUMMARY_KEYS
    assert item["entity_id"] == notice.entity_id and item["name"] == "DUPONT" and item["forename"] == "Jean"
    assert item["date_of_birth"] == "1980/05/12" and item["nationalities"] == ["FR"]
    assert item["_links"]["self"]["href"].endswith(_detail_url(notice))
    assert {"self", "first", "last"} <= set(body["_links"])


def test_detail_has_interpols_shape_and_only_public_fields(client):
    notice = _public_red(photo=photo_upload())
    response = client.get(_detail_url(notice))
    assert response.status_code == 200
    body = response.json()
    assert set(body) == RED_DETAIL_KEYS
    assert body["arrest_warrants"] == [{"issuing_country_id": "FR", "charge": "Armed robbery"}]
    assert body["sex_id"] == "M" and body["height"] == 1.82 and body["weight"] == 80
    assert body["languages_spoken_ids"] == ["FRE"] and body["country_of_birth_id"] == ""
    assert "thumbnail" in body["_links"]


@pytest.mark.parametrize("url", ["list", "detail", "images"])
def test_nothing_outside_the_extract_ever_appears(client, url):
    notice = _public_red(aliases="ALIAS-SECRET", photo=photo_upload())
    path = {"list": LIST.format("red"), "detail": _detail_url(notice), "images": _detail_url(notice) + "/images"}[url]
    text = client.get(path).content.decode()
    for secret in (*SECRETS, "ALIAS-SECRET", "summary_of_facts", "warrant_reference", "law", str(notice.pk) + ","):
        assert secret not in text, secret


def test_yellow_and_un_notices_have_their_own_fields(client):
    yellow = _public_red(notice_type=NoticeType.YELLOW, facts_place="Marseille")
    un = _public_red(notice_type=NoticeType.UN, un_reference="QDi.431", un_committee="1267")
    yellow_body = client.get(_detail_url(yellow)).json()
    assert yellow_body["place"] == "Marseille" and yellow_body["date_of_event"] == "2024/03/01"
    assert "arrest_warrants" not in yellow_body and "un_reference" not in yellow_body
    un_body = client.get(_detail_url(un)).json()
    assert un_body["un_reference"] == "QDi.431" and "arrest_warrants" not in un_body and "place" not in un_body
    assert client.get(LIST.format("yellow")).json()["total"] == 1


@pytest.mark.parametrize("status", [NoticeStatus.DRAFT, NoticeStatus.UNDER_REVIEW, NoticeStatus.REFUSED])
def test_unpublished_notices_are_never_public(client, status):
    notice = in_status(status, public_consent=True)
    notice.entity_id = "2025/99999"
    notice.save()
    assert client.get(LIST.format("red")).json()["total"] == 0
    assert client.get("/public/api/notices/v1/red/2025-99999").status_code == 404


def test_published_notice_without_consent_is_not_public(client):
    notice = published(NoticeFactory(), consent=False)
    assert client.get(LIST.format("red")).json()["total"] == 0
    assert client.get(_detail_url(notice)).status_code == 404


def test_cancelled_notice_leaves_the_public_api(client, officer_fr):
    from notices.services import notice_cancel

    notice = _public_red()
    url = _detail_url(notice)
    assert client.get(url).status_code == 200
    notice_cancel(notice=notice, actor=officer_fr, reasons="Located and arrested.")
    assert client.get(url).status_code == 404


def test_types_that_are_never_public_have_no_endpoint(client):
    notice = published(NoticeFactory(notice_type=NoticeType.GREEN), consent=True)
    assert client.get(LIST.format("green")).status_code == 404
    assert client.get(_detail_url(notice)).status_code == 404


def test_notice_of_one_type_is_not_found_under_another(client):
    notice = _public_red()
    assert client.get(f"/public/api/notices/v1/yellow/{notice.entity_id.replace('/', '-')}").status_code == 404


def test_filters(client):
    today = timezone.localdate()
    _public_red(
        family_name="ALPHA",
        given_names="Ann",
        sex="F",
        nationalities=["ES"],
        date_of_birth=today.replace(year=today.year - 30),
    )
    _public_red(
        family_name="BETA",
        given_names="Bob",
        sex="M",
        nationalities=["FR", "MA"],
        date_of_birth=today.replace(year=today.year - 50),
    )

    def names(**params):
        body = client.get(LIST.format("red"), params).json()
        return sorted(item["name"] for item in body["_embedded"]["notices"])

    assert names(name="alp") == ["ALPHA"]
    assert names(forename="bob") == ["BETA"]
    assert names(nationality="MA") == ["BETA"]
    assert names(sexId="F") == ["ALPHA"]
    assert names(ageMin=40) == ["BETA"]
    assert names(ageMax=40) == ["ALPHA"]
    assert names(ageMin=30, ageMax=30) == ["ALPHA"]
    assert names(arrestWarrantCountryId="FR") == ["ALPHA", "BETA"]
    assert names(arrestWarrantCountryId="US") == []


def test_paging(client):
    for index in range(3):
        _public_red(family_name=f"N{index}")
    body = client.get(LIST.format("red"), {"page": 2, "resultPerPage": 2}).json()
    assert body["total"] == 3 and len(body["_embedded"]["notices"]) == 1
    assert "previous" in body["_links"] and "next" not in body["_links"]
    assert client.get(LIST.format("red"), {"resultPerPage": 1000}).status_code == 400


def test_invalid_filters_are_refused(client):
    assert client.get(LIST.format("red"), {"ageMin": 50, "ageMax": 20}).status_code == 400
    assert client.get(LIST.format("red"), {"sexId": "X"}).status_code == 400


def test_list_has_a_constant_number_of_queries(client, django_assert_num_queries):
    _public_red()
    with django_assert_num_queries(2):
        client.get(LIST.format("red"))
    for index in range(5):
        _public_red(family_name=f"M{index}", photo=photo_upload())
    with django_assert_num_queries(2):
        client.get(LIST.format("red"))


def test_public_api_needs_no_credentials_and_ignores_them(client, officer_fr):
    notice = _public_red()
    response = client.get(_detail_url(notice), HTTP_AUTHORIZATION="Token not-a-real-token")
    assert response.status_code == 200


def test_public_api_is_rate_limited(client, monkeypatch):
    monkeypatch.setattr(PublicRateThrottle, "THROTTLE_RATES", {"public": "3/min"})
    codes = [client.get(LIST.format("red")).status_code for _ in range(4)]
    assert codes == [200, 200, 200, 429]


def test_photo_is_served_only_for_a_public_extract_with_a_photo(client, officer_fr):
    from notices.services import notice_public_consent_set

    notice = _public_red(photo=photo_upload())
    url = f"/public/notices/photos/{notice.entity_id.replace('/', '-')}"
    response = client.get(url)
    assert response.status_code == 200 and response["Content-Type"] == "image/png"
    notice_public_consent_set(notice=notice, actor=officer_fr, consent=False)
    assert client.get(url).status_code == 404
    no_photo = _public_red()
    assert client.get(f"/public/notices/photos/{no_photo.entity_id.replace('/', '-')}").status_code == 404


def test_images_endpoint(client):
    notice = _public_red(photo=photo_upload())
    body = client.get(_detail_url(notice) + "/images").json()
    (image,) = body["_embedded"]["images"]
    assert image["_links"]["self"]["href"].endswith("/public/notices/photos/" + notice.entity_id.replace("/", "-"))
    assert json.dumps(body).count("SECRET") == 0
