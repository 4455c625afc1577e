"""The sweep's pruning (each pair once, years of birth in the index) finds exactly what screening each person finds."""

from collections import defaultdict
from itertools import combinations

import pytest

from databases.matching.blocking import blocking_keys, query_keys
from databases.matching.persons import DOB_CONFLICT_CEILING, score
from databases.models import PersonKey
from databases.screening.sweep import sweep_pairs
from databases.services.match_keys import candidate_ids, candidate_rows, name_frequencies, probe_keys, row_aliases

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


def test_the_year_window_keeps_unknown_and_neighbouring_years(person_of, ncb_es):
    near = person_of(ncb_es, "El Khatib", "Mohamed", "1976-03-02")
    unknown = person_of(ncb_es, "El Khatib", "Mohamed", "")
    far = person_of(ncb_es, "El Khatib", "Mohamed", "1978-03-02")
    found = candidate_ids(query_keys("El Khatib", "Mohamed"), birth_years=(1974, 1976))
    assert near.pk in found and unknown.pk in found and far.pk not in found


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
    found = sweep_pairs(first_id=min(r.id for r in rows), last_id=max(r.id for r in rows), threshold=threshold)
    pairs = [(a, b) for a, b, _score in found]
    assert len(pairs) == len(set(pairs)), "a pair was scored twice"
    assert set(pairs) == expected
    if threshold <= DOB_CONFLICT_CEILING:
        assert any("dob_conflict" in {r.code for r in s.reasons} for _a, _b, s in found)
