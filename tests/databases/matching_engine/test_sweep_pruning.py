"""The sweep's pruning (each pair once, years of birth in the index) finds exactly what screening each person finds."""

from collections import defaultdict
from itertools import combinations

import pytest

from databases.matching.blocking import blocking_keys, dated_query_keys, query_keys
from databases.matching.dates import parse_partial_date
from databases.matching.persons import DOB_CONFLICT_CEILING, dates_rule_out, score
from databases.models import PersonKey
from databases.screening.sweep import sweep_pairs
from databases.services.match_keys import candidate_ids, candidate_rows, name_frequencies, probe_keys, row_aliases
from databases.services.screening import person_screen

pytestmark = pytest.mark.django_db

NAMES = [
    ("El Khatib", "Mohamed"),
    ("الخطيب", "محمد"),
    ("Al-Khateeb", "Muhammad Ali"),
    ("Khatib", ""),
    ("خطيب", ""),
    ("Garcia Lopez", "Maria"),
    ("Garcia", "Maria Jose"),
    ("Ben Youssef", "Omar"),
    ("بن يوسف", "عمر"),
    ("Abu Bakr", "Abd al-Rahman"),
    ("Dupont", "Jean"),
]


def test_the_key_relation_is_symmetric():
    # The sweep takes each pair from its lower id only: it relies on this.
    for a in NAMES:
        for b in NAMES:
            assert bool(query_keys(*a) & blocking_keys(*b)) == bool(query_keys(*b) & blocking_keys(*a)), (a, b)


def _swapped(keys):
    """The sweep's probes from stored keys (sweep.PAIRS): the single-name prefixes 'n:' and 'o:' exchanged."""
    swap = {"n:": "o:", "o:": "n:"}
    return {swap.get(key[:2], key[:2]) + key[2:] for key in keys}


def test_stored_keys_with_swapped_prefixes_probe_as_the_query_keys_do():
    # The sweep reads a chunk's probes from the key table instead of computing query_keys again.
    for a in NAMES:
        assert query_keys(*a) <= _swapped(blocking_keys(*a)), a
        for b in NAMES:
            assert bool(_swapped(blocking_keys(*a)) & blocking_keys(*b)) == bool(query_keys(*a) & blocking_keys(*b))


def test_the_date_filter_keeps_the_dates_that_can_match(person_of, ncb_es):
    kept = [
        person_of(ncb_es, "El Khatib", "Mohamed", dob, reference=f"K-{dob}")
        for dob in ("1975-03-02", "1975-03-09", "1975-02-03", "1975", "1975-03", "1976-03-02", "1974", "")
    ]
    left = [
        person_of(ncb_es, "El Khatib", "Mohamed", dob, reference=f"L-{dob}")
        for dob in ("1975-07-02", "1976-03-05", "1974-04", "1977-03-02", "1978")
    ]
    found = set(candidate_ids(query_keys("El Khatib", "Mohamed"), dob=(1975, 3, 2)))
    assert {person.pk for person in kept} <= found
    assert not {person.pk for person in left} & found
    # The filter in the index is the core's rule: what it keeps is exactly what the dates do not rule out.
    for person in [*kept, *left]:
        ruled_out = dates_rule_out((1975, 3, 2), parse_partial_date(person.date_of_birth), 0.75)
        assert ruled_out == (person.pk not in found), person.date_of_birth


@pytest.fixture
def population(person_of, ncb_es, ncb_fr, ncb_eg):
    owners = [ncb_es, ncb_fr, ncb_eg]
    dates = ["1975-03-02", "1975", "1975-02-03", "1976-03-02", "1977-03-02", "1990-01-01", "", "1975-03"]
    persons = []
    for i, (family, given) in enumerate(NAMES):
        for j, dob in enumerate(dates):
            if (i + j) % 3 == 0:
                continue
            persons.append(person_of(owners[(i + j) % 3], family, given, dob, reference=f"S-{i}-{j}"))
    return persons


def _names(person):
    latin = row_aliases(person.family_name, person.given_names, person.family_name_latin, person.given_names_latin, [])
    return [(person.family_name, person.given_names), *((name, "") for name in latin)]


@pytest.mark.parametrize("threshold", [0.75, 0.5])
def test_a_sweep_finds_every_pair_that_scores_and_each_once(population, threshold):
    # The oracle scores every pair of the population that shares a key, without pruning, from the same rows.
    rows = candidate_rows([person.pk for person in population], unit=None)
    stored = defaultdict(set)
    for person_id, key in PersonKey.objects.values_list("person_id", "key"):
        stored[person_id].add(key)
    probes = {person.pk: set().union(*(probe_keys(*name) for name in _names(person))) for person in population}
    frequencies = name_frequencies()
    expected = {
        (a.id, b.id)
        for a, b in combinations(sorted(rows, key=lambda row: row.id), 2)
        if a.owner_id != b.owner_id
        and probes[a.id] & stored[b.id]
        and score(a.prepared, b.prepared, frequencies, explain=False).value >= threshold
    }
    assert expected, "the population must hold matches"
    found = sweep_pairs(person_ids=[row.id for row in rows], threshold=threshold)
    pairs = [(a, b) for a, b, _score in found]
    assert len(pairs) == len(set(pairs)), "a pair was scored twice"
    assert set(pairs) == expected
    if threshold <= DOB_CONFLICT_CEILING:
        assert any("dob_conflict" in {r.code for r in s.reasons} for _a, _b, s in found)


def test_with_a_date_of_birth_one_shared_name_makes_a_candidate(person_of, ncb_es, officer_fr):
    # 'انجلوا' and 'Langlois' are too far apart for the pair keys; 'مهدي' ~ 'Mehdi' and the year carry it.
    person = person_of(ncb_es, "Langlois", "Mehdi", "1980-04-02")
    query = {"family_name": "انجلوا", "given_names": "مهدي"}
    assert not query_keys(query["family_name"], query["given_names"]) & blocking_keys("Langlois", "Mehdi")
    found = person_screen(viewer=officer_fr, date_of_birth="1980-04-02", **query)
    assert [candidate.id for candidate in found] == [person.pk]
    assert person_screen(viewer=officer_fr, **query) == []
    assert person_screen(viewer=officer_fr, date_of_birth="1983-04-02", **query) == []


def test_a_year_of_birth_makes_one_shared_name_a_candidate_among_full_dates_of_that_year(person_of, ncb_es):
    # A query that knows the year only (or year and month): one shared name is enough among the full dates of that
    # year, never among unknown dates or the years beside it (which the pair keys still reach).
    same_year = person_of(ncb_es, "Langlois", "Mehdi", "1980-04-02", reference="Y-1980")
    next_year = person_of(ncb_es, "Langlois", "Mehdi", "1981-04-02", reference="Y-1981")
    year_only = person_of(ncb_es, "Langlois", "Mehdi", "1980", reference="Y-1980-only")
    undated = person_of(ncb_es, "Langlois", "Mehdi", "", reference="Y-none")
    names = ("انجلوا", "مهدي")
    keys, dated = query_keys(*names), dated_query_keys(*names)

    def found(dob):
        return set(candidate_ids(keys, dob=dob, dated_keys=dated))

    assert found((1980, None, None)) == {same_year.pk}
    assert found((1980, 4, None)) == {same_year.pk}
    assert found((1980, 5, None)) == set()  # another month of that year: the dates conflict
    assert found((1981, None, None)) == {next_year.pk}
    assert found((1980, 4, 2)) == {same_year.pk, next_year.pk}  # a full date reaches a year apart, same day
    assert not found((1980, None, None)) & {year_only.pk, undated.pk}
    assert candidate_ids(keys) == []  # the pair keys alone reach none of them


def test_without_a_date_the_persons_sharing_the_most_keys_come_first(person_of, ncb_es, settings):
    persons = [
        person_of(ncb_es, family, given, reference=f"R-{i}")
        for i, (family, given) in enumerate([("Khatib", ""), ("Al-Khateeb", "Muhammad Ali"), ("El Khatib", "Mohamed")])
    ]
    keys = query_keys("El Khatib", "Mohamed")
    shared = {
        person.pk: PersonKey.objects.filter(person=person, key__in=[key[:64] for key in keys]).count()
        for person in persons
    }
    ranked = sorted(shared, key=lambda pk: (-shared[pk], pk))
    assert shared[ranked[0]] > shared[ranked[-1]] > 0
    settings.MATCH_MAX_CANDIDATES_WITHOUT_DATE = 2
    assert candidate_ids(keys) == ranked[:2]


def test_a_sweep_pauses_the_cycle_collector_and_restores_it(population, monkeypatch):
    import gc

    from databases.matching import persons

    states = []

    def watched(name):
        original = getattr(persons, name)

        def scoring(*args, **kwargs):
            states.append(gc.isenabled())
            return original(*args, **kwargs)

        monkeypatch.setattr(persons, name, scoring)

    watched("reaches_all")  # scoring of prepared persons
    watched("decide_pairs")  # and of stored templates
    ids = [person.pk for person in population]
    assert gc.isenabled()
    sweep_pairs(person_ids=ids)
    assert states and not any(states), "scoring ran with the collector on"
    assert gc.isenabled()

    def fail(*args, **kwargs):
        raise RuntimeError("scoring failed")

    monkeypatch.setattr(persons, "reaches_all", fail)
    monkeypatch.setattr(persons, "decide_pairs", fail)
    with pytest.raises(RuntimeError):
        sweep_pairs(person_ids=ids)
    assert gc.isenabled(), "a failed chunk left the collector off"
