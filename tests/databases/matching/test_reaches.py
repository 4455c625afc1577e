"""`reaches` (scoring that skips name pairs which cannot get to the threshold) agrees with the full score."""

import random

import pytest

from databases.matching import names
from databases.matching.frequencies import NameFrequencies
from databases.matching.names import align_value, align_value_reaching, name_forms
from databases.matching.persons import Person, prepare, reaches, score

FAMILY = [
    "El Khatib", "الخطيب", "Al-Khateeb", "Khatib", "Ben Youssef", "بن يوسف", "Benyoussef", "Haddad", "حداد",
    "Mansour", "منصور", "Garcia Lopez", "Garcia", "Dupont", "Abu Bakr", "Nasser", "ناصر", "Nassar", "Kovac", "M.",
]  # fmt: skip
GIVEN = [
    "Mohamed", "محمد", "Muhammad Ali", "Omar", "عمر", "Youssef", "Yusuf", "Abd al-Rahman", "عبد الرحمن", "Maria",
    "Maria Jose", "Jean", "Ahmed", "أحمد", "Fatima", "فاطمة", "", "A.", "Hassan", "Hussein",
]  # fmt: skip
DATES = ["1975-03-02", "1975-03-09", "1975-02-03", "1976-03-02", "1975", "1975-03", "1990-01-01", "1974", None]


def _population(size: int, seed: int) -> list[Person]:
    rng = random.Random(seed)
    people = []
    for _ in range(size):
        aliases = (f"{rng.choice(FAMILY)} {rng.choice(GIVEN)}",) if rng.random() < 0.3 else ()
        people.append(
            Person(
                family_name=rng.choice(FAMILY),
                given_names=rng.choice(GIVEN),
                aliases=aliases,
                date_of_birth=rng.choice(DATES),
                sex=rng.choice(["M", "F", None]),
                nationalities=tuple(rng.sample(["FRA", "EGY", "ESP"], rng.randint(0, 2))),
            )
        )
    return people


def _frequencies(people: list[Person]) -> NameFrequencies:
    # Few persons and many repeated names: weights from the population itself, far from uniform.
    return NameFrequencies.from_names(name for person in people for name in (person.family_name, person.given_names))


@pytest.mark.parametrize("threshold", [0.3, 0.5, 0.6, 0.75, 0.9])
def test_reaches_is_the_full_score_compared_with_the_threshold(threshold, monkeypatch):
    people = _population(120, seed=int(threshold * 100))
    prepared = [prepare(person) for person in people]
    # Two tables with the same counts: the full scores must not fill the remembered alignments used by reaches.
    oracle, tested = _frequencies(people), _frequencies(people)
    aligned = []
    original = names.align
    monkeypatch.setattr(names, "align", lambda *args, **kwargs: aligned.append(1) or original(*args, **kwargs))
    expected, found = 0, 0
    for query in prepared:
        for candidate in prepared:
            truth = score(query, candidate, oracle, explain=False).value >= threshold
            assert reaches(query, candidate, tested, threshold) == truth, (query, candidate)
            expected += truth
    assert 0 < expected < len(prepared) ** 2, "the population must hold matches and non-matches"
    aligned.clear()
    fresh = _frequencies(people)
    for query in prepared:
        for candidate in prepared:
            found += reaches(query, candidate, fresh, threshold)
    assert found == expected
    if threshold >= 0.6:
        # The point of it: most name pairs are left out before the alignment.
        pairs = sum(len(q.names) * len(c.names) for q in prepared for c in prepared)
        assert len(aligned) < pairs / 2


def test_a_name_pair_that_cannot_reach_the_floor_is_not_aligned(monkeypatch):
    frequencies = NameFrequencies({"MNSR": 1, "KTB": 1, "MHMD": 500}, total=1000)
    query, candidate = name_forms("Mansour", "Mohamed")[0], name_forms("El Khatib", "Mohamed")[0]
    exact = align_value(query, candidate, NameFrequencies({"MNSR": 1, "KTB": 1, "MHMD": 500}, total=1000))
    assert 0.0 < exact < 0.7
    monkeypatch.setattr(names, "align", lambda *args, **kwargs: pytest.fail("aligned"))
    assert align_value_reaching(query, candidate, frequencies, 0.7) < 0.7


def test_a_name_pair_that_reaches_the_floor_gets_its_exact_value():
    query, candidate = name_forms("الخطيب", "محمد")[0], name_forms("El Khateeb", "Mohammed")[0]
    exact = align_value(query, candidate, NameFrequencies({}))
    assert exact >= 0.7
    assert align_value_reaching(query, candidate, NameFrequencies({}), 0.7) == exact
    # Below any floor nothing is required: the value is always the exact one.
    far = name_forms("Dupont", "Jean")[0]
    assert align_value_reaching(query, far, NameFrequencies({}), 0.0) == align_value(query, far, NameFrequencies({}))
