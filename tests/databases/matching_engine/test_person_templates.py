"""Stored person templates (databases.models.PersonTemplate): written with the keys, read by screening instead of
preparing every candidate, ignored when outdated; screening answers the same with them as without."""

import pytest
from django.utils import timezone

from databases.matching import persons as core
from databases.matching import phonetic, template_version
from databases.models import Person, PersonTemplate
from databases.services import match_keys, record_create
from databases.services.match_keys import candidate_rows, person_keys_rebuild
from databases.services.screening import person_candidates, person_screen
from ncb.models import Country

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(phonetic.NATIVE is None, reason="templates need the compiled matching core"),
]


def _person(owner, family, given="", dob="", sex="U", reference=None, aliases=(), nationalities=()) -> Person:
    data = {
        "reference": reference or f"T-{family}-{given}-{dob}",
        "status": "wanted",
        "family_name": family,
        "given_names": given,
        "date_of_birth": dob,
        "sex": sex,
    }
    countries = Country.objects.filter(iso2__in=nationalities)
    return record_create(
        database="persons", owner=owner, actor=None, data=data, aliases=aliases, nationalities=countries
    )


def _expected_template(person: Person) -> bytes:
    rows = Person.objects.filter(pk=person.pk).values_list(*match_keys.PERSON_COLUMNS)
    prepared = match_keys.prepared_persons([match_keys.PersonRow._make(row) for row in rows])
    return core.template(prepared[person.pk])


def test_saving_a_person_stores_its_template(ncb_es):
    person = _person(
        ncb_es, "El Khatib", "Mohamed", "1975-03-02", "M", aliases=["Abu Omar"], nationalities=["EG", "FR"]
    )
    stored = PersonTemplate.objects.get(person=person)
    person.refresh_from_db()
    assert stored.version == template_version()
    assert stored.updated_at == person.updated_at
    assert bytes(stored.data) == _expected_template(person)


def test_rebuild_writes_the_same_templates_as_the_save_hook(person_of, ncb_es):
    person_of(ncb_es, "El Khatib", "Mohamed", "1975-03-02")
    _person(ncb_es, "Garcia Lopez", "Maria", aliases=["Maria Garcia"], nationalities=["ES"])
    before = sorted((t.person_id, t.version, t.updated_at, bytes(t.data)) for t in PersonTemplate.objects.all())
    assert len(before) == 2
    person_keys_rebuild(chunk=1)
    after = sorted((t.person_id, t.version, t.updated_at, bytes(t.data)) for t in PersonTemplate.objects.all())
    assert after == before


def test_a_current_template_is_read_and_an_outdated_one_is_not(person_of, ncb_es):
    fresh = person_of(ncb_es, "El Khatib", "Mohamed")
    old_code = person_of(ncb_es, "El Khatib", "Ahmed")
    changed = person_of(ncb_es, "El Khatib", "Omar")
    missing = person_of(ncb_es, "El Khatib", "Ali")
    PersonTemplate.objects.filter(person=old_code).update(version=template_version() + 1)
    # The row changed (as a save outside the record services would), the template did not.
    Person.objects.filter(pk=changed.pk).update(given_names="Youssef", updated_at=timezone.now())
    PersonTemplate.objects.filter(person=missing).delete()
    rows = {
        row.id: row
        for row in candidate_rows([fresh.pk, old_code.pk, changed.pk, missing.pk], unit=None, templates=True)
    }
    assert rows[fresh.pk].template is not None and rows[fresh.pk].prepared is None
    for person in (old_code, changed, missing):
        assert rows[person.pk].template is None and rows[person.pk].prepared is not None
    assert rows[changed.pk].prepared.names[0].tokens[-1] == "youssef"


def _population(ncb_es, ncb_eg):
    names = [
        ("El Khatib", "Mohamed", "1975-03-02", "M"),
        ("Al-Khatib", "Muhammad", "1975", "M"),
        ("الخطيب", "محمد", "1975-03-02", "M"),
        ("Khatib", "Mohammed Ali", "", "U"),
        ("El Khatib", "Mohamed", "1990-11-20", "M"),
        ("El Khatib", "Mona", "1975-03-02", "F"),
        ("Haddad", "Mohamed", "1975-03-02", "M"),
        ("El Khatib", "M.", "", "U"),
        ("Katib", "Mohamad", "1975-03", "M"),
    ]
    for index, (family, given, dob, sex) in enumerate(names):
        owner = ncb_es if index % 2 else ncb_eg
        aliases = ["Abu Omar"] if index % 4 == 1 else []
        _person(owner, family, given, dob, sex, f"T-{index}", aliases, ["EG"] if index % 3 == 0 else [])


@pytest.mark.parametrize(
    "query",
    [
        {"family_name": "El Khatib", "given_names": "Mohamed"},
        {"family_name": "El Khatib", "given_names": "Mohamed", "date_of_birth": "1975-03-02", "sex": "M"},
        {"family_name": "الخطيب", "given_names": "محمد", "date_of_birth": "1975"},
        {"family_name": "Khatib", "nationalities": ["EG"]},
    ],
)
@pytest.mark.parametrize("threshold", [0.3, 0.6, 0.75, 0.9])
def test_screening_answers_the_same_with_templates_as_without(ncb_es, ncb_eg, ncb_fr, query, threshold):
    _population(ncb_es, ncb_eg)
    from databases.services.screening import screening_query

    asked = screening_query(**query).person
    assert PersonTemplate.objects.count() == Person.objects.count()
    with_templates = person_candidates(asked, unit=ncb_fr, threshold=threshold)
    PersonTemplate.objects.all().delete()
    match_keys.forget_frequencies()
    without = person_candidates(asked, unit=ncb_fr, threshold=threshold)

    def answer(candidates):
        visible = [(row.id, row.visible, score) for row, score in candidates.visible]
        return visible, [row.id for row in candidates.hidden], candidates.compared_all

    assert answer(with_templates) == answer(without)
    assert with_templates.visible or threshold == 0.9  # the population has matches to compare


def test_screening_prepares_only_the_candidates_that_reach_the_threshold(
    person_of, ncb_es, ncb_eg, officer_fr, monkeypatch
):
    _population(ncb_es, ncb_eg)
    for index in range(40):  # homonyms of the given name only: candidates that fall below the threshold
        person_of(ncb_es, f"Zorro{chr(97 + index % 26)}{index}", "Mohamed El", reference=f"Z-{index}")
    match_keys.forget_frequencies()
    prepared = []
    original = match_keys.prepared_persons
    monkeypatch.setattr(
        match_keys,
        "prepared_persons",
        lambda rows, related=None: prepared.extend(row[0] for row in rows) or original(rows, related),
    )
    found = person_screen(viewer=officer_fr, family_name="El Khatib", given_names="Mohamed", record_hits=False)
    assert len(found) >= 3
    # Every candidate has a template: only those that reach the threshold were prepared (to explain their score).
    assert sorted(prepared) == sorted(candidate.id for candidate in found)


def test_refresh_rewrites_only_the_missing_and_outdated_templates(person_of, ncb_es):
    from databases.services.match_keys import person_templates_refresh

    current, outdated, missing = (person_of(ncb_es, "El Khatib", given) for given in ("Mohamed", "Ahmed", "Ali"))
    PersonTemplate.objects.filter(person=outdated).update(version=template_version() + 1, data=b"old")
    PersonTemplate.objects.filter(person=missing).delete()
    untouched = PersonTemplate.objects.get(person=current)
    assert person_templates_refresh(chunk=1) == 2
    stored = {t.person_id: t for t in PersonTemplate.objects.all()}
    assert set(stored) == {current.pk, outdated.pk, missing.pk}
    assert all(t.version == template_version() for t in stored.values())
    assert bytes(stored[outdated.pk].data) == _expected_template(outdated)
    assert bytes(stored[missing.pk].data) == _expected_template(missing)
    assert bytes(stored[current.pk].data) == bytes(untouched.data)
    assert person_templates_refresh() == 0  # nothing left to do


def test_the_command_refreshes_the_templates_alone(person_of, ncb_es):
    import io

    from django.core.management import call_command

    from databases.models import PersonKey

    person = person_of(ncb_es, "El Khatib", "Mohamed")
    PersonTemplate.objects.all().delete()
    keys = sorted(PersonKey.objects.values_list("pk", flat=True))
    out = io.StringIO()
    call_command("rebuild_match_keys", templates=True, stdout=out)
    assert out.getvalue().startswith("1 templates written")
    assert PersonTemplate.objects.get().person_id == person.pk
    assert sorted(PersonKey.objects.values_list("pk", flat=True)) == keys  # the keys were not rewritten


def test_outdated_templates_are_reported_once(person_of, ncb_es, caplog, monkeypatch):
    monkeypatch.setattr(match_keys, "_warned", [])
    persons = [person_of(ncb_es, "El Khatib", "Mohamed", reference=f"W-{index}") for index in range(50)]
    PersonTemplate.objects.update(version=template_version() + 1)
    query = core.prepare(core.Person(family_name="El Khatib", given_names="Mohamed"))
    ids = [person.pk for person in persons]
    with caplog.at_level("WARNING", logger="databases.services.match_keys"):
        assert match_keys.candidates_worth_reading(query, ids, 0.75) == ids
        assert match_keys.candidates_worth_reading(query, ids, 0.75) == ids
    assert ["rebuild_match_keys --templates" in record.getMessage() for record in caplog.records] == [True]


@pytest.mark.parametrize("threshold", [0.5, 0.75])
def test_the_sweep_finds_the_same_pairs_with_templates_as_without(ncb_es, ncb_eg, threshold):
    from databases.screening.sweep import sweep_pairs

    _population(ncb_es, ncb_eg)
    ids = list(Person.objects.values_list("pk", flat=True))
    assert PersonTemplate.objects.count() == len(ids)
    with_templates = sweep_pairs(person_ids=ids, threshold=threshold)
    PersonTemplate.objects.all().delete()
    match_keys.forget_frequencies()
    without = sweep_pairs(person_ids=ids, threshold=threshold)
    assert with_templates  # the population has pairs of different owners that match
    assert sorted(with_templates, key=lambda item: item[:2]) == sorted(without, key=lambda item: item[:2])
