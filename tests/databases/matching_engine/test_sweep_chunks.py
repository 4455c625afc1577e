"""A sweep's chunks follow the persons by year of birth, then id, and together hold each live person once."""

import pytest

from databases.models import Person
from databases.screening.sweep import chunk_person_ids, match_sweep_start

pytestmark = pytest.mark.django_db

BIRTHS = ["1980-05-01", "", "1975", "1980-01-02", "1975-12-31", "", "1990-07", "1980-05-01", "1962-02-03"]


@pytest.fixture
def population(person_of, ncb_es, ncb_fr):
    persons = [
        person_of(ncb_es if index % 2 else ncb_fr, f"Family{index}", "Given", birth, reference=f"P-{index}")
        for index, birth in enumerate(BIRTHS)
    ]
    expired = person_of(ncb_es, "Expired", "Person", "1980", reference="P-expired")
    Person.objects.filter(pk=expired.pk).update(status="withdrawn")
    return persons


def _sweep_order(persons):
    return [person.pk for person in sorted(persons, key=lambda person: (person.birth_year or 0, person.pk))]


@pytest.mark.parametrize("size", [1, 2, 4, 9, 50])
def test_the_chunks_hold_every_live_person_once_in_the_sweep_order(population, size):
    sweep = match_sweep_start(chunk_size=size)
    chunks = list(sweep.chunks.all())
    assert sweep.total_chunks == len(chunks) == -(-len(population) // size)
    ids = [chunk_person_ids(chunk) for chunk in chunks]
    assert [len(part) for part in ids[:-1]] == [size] * (len(chunks) - 1)
    assert [pk for part in ids for pk in sorted(part, key=_sweep_order(population).index)] == _sweep_order(population)
    assert chunks[-1].until_id is None
    assert all(
        (chunk.until_year, chunk.until_id) == (following.first_year, following.first_id)
        for chunk, following in zip(chunks, chunks[1:], strict=False)
    )


def test_a_person_recorded_after_the_start_falls_in_the_chunk_of_its_year(population, person_of, ncb_es):
    sweep = match_sweep_start(chunk_size=3)
    late = person_of(ncb_es, "Late", "Comer", "1976-04-04", reference="P-late")
    holding = [chunk for chunk in sweep.chunks.all() if late.pk in chunk_person_ids(chunk)]
    assert len(holding) == 1
    assert holding[0].first_year <= 1976


def test_a_sweep_of_no_one_has_no_chunk():
    sweep = match_sweep_start(chunk_size=5)
    assert sweep.total_chunks == 0 and not sweep.chunks.exists()


def test_a_sweep_on_stale_keys_runs_and_says_so(population, caplog):
    from databases.models import PersonKeyVersion
    from ncb.models import AuditEntry

    PersonKeyVersion.objects.update(version=0)
    with caplog.at_level("WARNING", logger="databases.screening.sweep"):
        sweep = match_sweep_start(chunk_size=4)
    assert sweep.total_chunks == 3
    assert "rebuild_match_keys --if-stale" in caplog.text
    started = AuditEntry.objects.get(action="matching.sweep.start", target_id=str(sweep.pk))
    assert started.outcome.endswith(", blocking keys stale")
