"""A name search of the persons' list: the ids its keys match, given to the list as one array, or for a name as
common as a letter a condition tested on each row. Both ways find the same persons, newest first, under the
access policy."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from databases import selectors
from databases.keys import name_key
from databases.models import PersonAlias
from ncb.choices import Restriction
from ncb.models import Country
from ncb.services import record_restrict
from tests.databases.factories import PersonFactory

pytestmark = pytest.mark.django_db


def found(viewer, text: str) -> list[int]:
    listed = selectors.record_list(viewer=viewer, database="persons", filters={"q": text})
    return list(listed.values_list("pk", flat=True))


@pytest.fixture
def johns(officer_fr):
    """Persons a search for 'John' finds by name and by alias, one it does not find, and one hidden from France."""
    by_name = PersonFactory(family_name="Johnson", given_names="Mary")
    by_alias = PersonFactory(family_name="Okafor", given_names="Chidi")
    PersonAlias.objects.create(person=by_alias, name="John Okafor", name_key=name_key("John Okafor"))
    PersonFactory(family_name="Smith", given_names="John")  # the key is family name first: 'smith john'
    hidden = PersonFactory(family_name="Johns", given_names="Peter")
    record_restrict(record=hidden, actor=None, restriction=Restriction.ONLY, countries=[Country.objects.get(iso2="EG")])
    return [by_alias.pk, by_name.pk]  # newest first


def test_a_name_search_finds_names_and_aliases_newest_first_and_never_a_hidden_record(officer_fr, johns):
    assert found(officer_fr, "John") == johns


def test_a_name_too_common_for_an_array_finds_the_same_persons(officer_fr, johns, monkeypatch):
    monkeypatch.setattr(selectors, "NAME_SEARCH_MAX_IDS", 2)
    with CaptureQueriesContext(connection) as captured:
        assert found(officer_fr, "John") == johns
    assert not any("= ANY(" in query["sql"] for query in captured.captured_queries)


def test_the_matching_ids_go_to_the_list_as_one_array_of_the_column_type(officer_fr, johns):
    with CaptureQueriesContext(connection) as captured:
        found(officer_fr, "John")
    listed = captured.captured_queries[-1]["sql"]
    assert "= ANY('{" in listed and "::bigint[])" in listed and " UNION " not in listed


def test_a_reference_is_found_both_ways(officer_fr, johns, monkeypatch):
    person = PersonFactory(family_name="Doe", reference="XK-4471")
    assert found(officer_fr, "XK-4471") == [person.pk]
    monkeypatch.setattr(selectors, "NAME_SEARCH_MAX_IDS", 0)
    assert found(officer_fr, "XK-4471") == [person.pk]


def test_a_name_nobody_has_finds_nobody_without_a_list_query(officer_fr, johns, django_assert_num_queries):
    listed = selectors.record_list(viewer=officer_fr, database="persons", filters={"q": "Zyzzyva"})
    with django_assert_num_queries(0):
        assert list(listed) == [] and listed.count() == 0


def test_the_page_and_the_api_search_the_same_way(client, api_for, officer_fr, johns):
    client.force_login(officer_fr)
    page = client.get("/en/databases/persons/", {"q": "John"}).content.decode().casefold()
    assert "okafor" in page and "johnson" in page and "peter" not in page and "smith" not in page
    answer = api_for(officer_fr).get("/api/v1/databases/persons/", {"q": "John"}).json()
    assert [row["id"] for row in answer["results"]] == johns and answer["count"] == 2


def test_a_name_with_marks_is_found_typed_with_or_without_them(officer_fr):
    person = PersonFactory(family_name="Žižek", given_names="Slavoj")
    assert person.family_name_latin == "Zizek"
    assert found(officer_fr, "Zizek") == found(officer_fr, "ŽIŽEK") == [person.pk]
