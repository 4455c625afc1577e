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


def test_an_id_first_page_reads_its_ids_then_only_its_rows_in_the_list_order(officer_fr, django_assert_num_queries):
    from databases.models import Hit
    from ncb.pagination import IdFirstPaginator
    from tests.analysis.factories import hit_between

    persons = PersonFactory.create_batch(6, owner=officer_fr.unit)
    hits = [hit_between(persons[n], persons[n + 1]) for n in range(5)]
    paginator = IdFirstPaginator(Hit.objects.select_related("record_owner__country").order_by("-id"), 2)
    with django_assert_num_queries(3) as captured:  # the count, the page's ids, its rows with what they join
        assert [hit.record_owner.country.iso2 for hit in paginator.page(1)] == ["FR", "FR"]
    pages = [[hit.pk for hit in paginator.page(number)] for number in (1, 2, 3)]
    assert pages == [[hits[4].pk, hits[3].pk], [hits[2].pk, hits[1].pk], [hits[0].pk]]
    ids_query = captured.captured_queries[1]["sql"]
    assert "JOIN" not in ids_query and "LIMIT 2" in ids_query
