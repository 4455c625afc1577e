"""List pages count at most CappedPaginator.cap rows: past it they say "more than" instead of counting millions."""

import pytest

from ncb.pagination import CappedPaginator
from tests.databases.factories import PersonFactory

pytestmark = pytest.mark.django_db


def test_a_list_past_the_cap_says_more_than_and_still_pages(client, officer_fr, monkeypatch):
    monkeypatch.setattr(CappedPaginator, "cap", 30)
    PersonFactory.create_batch(32, owner=officer_fr.unit)
    client.force_login(officer_fr)
    page = client.get("/en/databases/persons/").content.decode()
    assert "More than 30 records" in page
    assert "Page 1 of 2" in page
    assert client.get("/en/databases/persons/?page=2").status_code == 200


def test_a_list_under_the_cap_gives_the_exact_count(client, officer_fr):
    PersonFactory.create_batch(3, owner=officer_fr.unit)
    client.force_login(officer_fr)
    assert "3 records" in client.get("/en/databases/persons/").content.decode()


def test_the_count_reads_at_most_one_row_past_the_cap(officer_fr, django_assert_num_queries):
    from databases.models import Person

    PersonFactory.create_batch(5, owner=officer_fr.unit)
    paginator = CappedPaginator(Person.objects.order_by("pk"), 2)
    paginator.cap = 3
    with django_assert_num_queries(1) as captured:
        assert paginator.count == 4 and paginator.capped
    counted = captured.captured_queries[0]["sql"]
    assert "LIMIT 4" in counted and "ORDER BY" not in counted  # the order does not change a count


def test_a_list_of_rows_rather_than_a_query_is_counted_up_to_the_cap_too():
    paginator = CappedPaginator(list(range(10)), 2)
    paginator.cap = 3
    assert paginator.count == 4 and paginator.capped


def test_the_api_counts_up_to_the_cap_and_still_pages_to_the_end(api_for, officer_fr, monkeypatch):
    from ncb.pagination import CappedLimitOffsetPagination

    monkeypatch.setattr(CappedLimitOffsetPagination, "cap", 3)
    PersonFactory.create_batch(8, owner=officer_fr.unit)
    api = api_for(officer_fr)
    first = api.get("/api/v1/databases/persons/", {"limit": 2}).json()
    assert first["count"] == 4 and first["next"]
    last = api.get("/api/v1/databases/persons/", {"limit": 2, "offset": 6}).json()
    assert len(last["results"]) == 2 and last["count"] == 8 and last["next"] is None
    middle = api.get("/api/v1/databases/persons/", {"limit": 2, "offset": 4}).json()
    assert middle["count"] == 7 and middle["next"]
