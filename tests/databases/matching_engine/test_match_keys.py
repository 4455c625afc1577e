import io
from importlib import import_module

import pytest
from django.apps import apps
from django.core.management import call_command

from databases.matching import key_version
from databases.matching.persons import query_keys
from databases.models import PersonKey, PersonKeyVersion
from databases.services.match_keys import (
    candidate_ids,
    key_table_current,
    person_keys_rebuild,
    person_keys_refresh,
)
from databases.services.screening import person_screen

pytestmark = pytest.mark.django_db


def test_saving_a_person_stores_its_blocking_keys(person_of, ncb_es):
    person = person_of(ncb_es, "El Khatib", "Mohamed", "1975-03-02")
    keys = set(PersonKey.objects.filter(person=person).values_list("key", flat=True))
    assert keys and any(key.startswith("p:") for key in keys)


def test_refresh_replaces_the_keys_of_a_changed_person(person_of, ncb_es):
    person = person_of(ncb_es, "El Khatib", "Mohamed")
    before = set(PersonKey.objects.filter(person=person).values_list("key", flat=True))
    type(person).objects.filter(pk=person.pk).update(family_name="Dupont", given_names="Jean")
    person_keys_refresh(person_ids=[person.pk])
    after = set(PersonKey.objects.filter(person=person).values_list("key", flat=True))
    assert after and not before & after


def test_rebuild_writes_the_same_keys_as_the_save_hook(person_of, ncb_es):
    person_of(ncb_es, "El Khatib", "Mohamed")
    person_of(ncb_es, "Garcia Lopez", "Maria")
    before = sorted(PersonKey.objects.values_list("person_id", "key"))
    assert person_keys_rebuild(chunk=1) == len(before)
    assert sorted(PersonKey.objects.values_list("person_id", "key")) == before


def test_the_first_keys_set_the_tables_version_and_later_ones_keep_it(person_of, ncb_es):
    assert key_table_current()  # empty
    person_of(ncb_es, "El Khatib", "Mohamed")
    assert list(PersonKeyVersion.objects.values_list("version", flat=True)) == [key_version()]
    PersonKeyVersion.objects.update(version=key_version() + 1)  # as if other code had written the table
    person_of(ncb_es, "Garcia Lopez", "Maria")
    assert not key_table_current()


def test_keys_without_a_version_are_stale(person_of, ncb_es):
    person_of(ncb_es, "El Khatib", "Mohamed")
    PersonKeyVersion.objects.all().delete()
    assert not key_table_current()


def test_the_migration_marks_keys_stored_before_versions_as_stale(person_of, ncb_es):
    mark_existing_keys = import_module("databases.migrations.0012_person_key_version").mark_existing_keys
    mark_existing_keys(apps, None)
    assert not PersonKeyVersion.objects.exists()  # no key, nothing to mark
    person_of(ncb_es, "El Khatib", "Mohamed")
    PersonKeyVersion.objects.all().delete()  # as before the migration
    mark_existing_keys(apps, None)
    assert list(PersonKeyVersion.objects.values_list("version", flat=True)) == [0]
    assert not key_table_current()


def test_the_command_rebuilds_stale_keys_and_leaves_current_ones(person_of, ncb_es):
    person = person_of(ncb_es, "El Khatib", "Mohamed")
    PersonKeyVersion.objects.update(version=0)
    PersonKey.objects.filter(person=person).delete()  # what other code would not have written
    out = io.StringIO()
    call_command("rebuild_match_keys", if_stale=True, stdout=out)
    assert "keys written" in out.getvalue()
    assert key_table_current() and PersonKey.objects.filter(person=person).exists()
    out = io.StringIO()
    call_command("rebuild_match_keys", if_stale=True, stdout=out)
    assert "The blocking keys are current." in out.getvalue() and "templates written" in out.getvalue()


def test_arabic_script_query_finds_a_latin_script_record(person_of, ncb_es, officer_fr):
    person = person_of(ncb_es, "El Khatib", "Mohamed", "1975-03-02")
    assert person.pk in candidate_ids(query_keys("الخطيب", "محمد"))
    candidates = person_screen(viewer=officer_fr, family_name="الخطيب", given_names="محمد", date_of_birth="1975-03-02")
    assert [c.id for c in candidates] == [person.pk]
    assert candidates[0].score >= 0.9
    assert any("transliteration" in reason for reason in candidates[0].reasons)


def test_a_homonym_with_a_conflicting_date_of_birth_scores_below_the_threshold(person_of, ncb_es, officer_fr):
    person_of(ncb_es, "El Khatib", "Mohamed", "1990-11-20")
    assert (
        person_screen(viewer=officer_fr, family_name="El Khatib", given_names="Mohamed", date_of_birth="1975-03-02")
        == []
    )
    low = person_screen(
        viewer=officer_fr, family_name="El Khatib", given_names="Mohamed", date_of_birth="1975-03-02", threshold=0.3
    )
    assert low and low[0].score < 0.75 and "dob_conflict" in low[0].reason_codes


def test_an_unrelated_name_is_not_a_candidate(person_of, ncb_es, officer_fr):
    person_of(ncb_es, "Garcia", "Maria", "1980-05-17")
    assert person_screen(viewer=officer_fr, family_name="Nakamura", given_names="Hiroshi") == []


def test_closed_and_overdue_persons_are_not_candidates(person_of, ncb_es, officer_fr):
    import datetime as dt

    closed = person_of(ncb_es, "El Khatib", "Mohamed", reference="A")
    overdue = person_of(ncb_es, "El Khatib", "Mohamed", reference="B")
    type(closed).objects.filter(pk=closed.pk).update(status="recovered")
    type(overdue).objects.filter(pk=overdue.pk).update(review_by=dt.date(2000, 1, 1))
    assert person_screen(viewer=officer_fr, family_name="El Khatib", given_names="Mohamed") == []
