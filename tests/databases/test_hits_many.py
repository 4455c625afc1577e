"""One query's hits on several records: written together, each owner told once, the urgent ones to the CCC at once."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from ccc.choices import CaseSource
from ccc.models import Case
from databases.models import Hit
from databases.services.hits import HitDraft, hit_record, hits_record_many
from ncb.models import Notification, Unit

from .factories import PersonFactory

pytestmark = pytest.mark.django_db

QUERY = {"family_name": "Haddad"}
KEY = "screen:haddad"


def statements(context: CaptureQueriesContext, prefix: str) -> int:
    return sum(1 for query in context.captured_queries if query["sql"].startswith(prefix))


def owners(*codes: str) -> list[Unit]:
    return [Unit.objects.get(code=code) for code in codes]


def test_new_hits_are_inserted_and_announced_in_one_statement_each(officer_fr):
    persons = [PersonFactory(owner=owner) for owner in owners("ncb-es", "ncb-eg", "ncb-us")]
    drafts = [HitDraft(person, 0.9, "Family name: exact match") for person in persons]
    with CaptureQueriesContext(connection) as context:
        ids = hits_record_many(
            drafts=drafts, unit=officer_fr.unit, user=officer_fr, query=QUERY, query_key=KEY, rule="person_screen"
        )
    assert statements(context, 'INSERT INTO "databases_hit"') == 1
    assert statements(context, 'INSERT INTO "ncb_notification"') == 1
    hits = Hit.objects.in_bulk(list(ids.values()))
    assert sorted(ids) == sorted(person.pk for person in persons)
    assert {hits[ids[person.pk]].record_owner_id for person in persons} == {person.owner_id for person in persons}
    assert all(hits[pk].query_key == KEY and hits[pk].unit_id == officer_fr.unit_id for pk in ids.values())
    # Each owner is told of its own record, with a link to it.
    for person in persons:
        notice = Notification.objects.get(unit=person.owner, kind="hit")
        assert notice.params["reference"] == person.reference and str(person.pk) in notice.url


def test_a_hit_recorded_meanwhile_is_kept_and_the_others_are_still_recorded(officer_fr):
    first, second = (PersonFactory(owner=owner) for owner in owners("ncb-es", "ncb-eg"))
    # An identical screening running at the same moment recorded the hit on the second person first.
    earlier, _created = hit_record(
        record=second, unit=officer_fr.unit, user=officer_fr, query=QUERY, query_key=KEY, rule="person_screen"
    )
    drafts = [HitDraft(first, 0.9, "a"), HitDraft(second, 0.9, "b")]
    ids = hits_record_many(
        drafts=drafts, unit=officer_fr.unit, user=officer_fr, query=QUERY, query_key=KEY, rule="person_screen"
    )
    assert ids[second.pk] == earlier.pk
    assert Hit.objects.filter(query_key=KEY).count() == 2
    assert Notification.objects.filter(kind="hit", unit=second.owner).count() == 1
    assert Notification.objects.filter(kind="hit", unit=first.owner).count() == 1


def test_the_urgent_hits_open_their_cases_in_one_call_after_the_commit(
    officer_fr, settings, django_capture_on_commit_callbacks
):
    settings.HIT_CASE_PRIORITY_THRESHOLD = 4
    wanted = [PersonFactory(owner=owner, status="wanted") for owner in owners("ncb-es", "ncb-eg")]
    missing = PersonFactory(owner=owners("ncb-us")[0], status="missing")
    drafts = [HitDraft(person, 1.0, "exact") for person in [*wanted, missing]]
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        ids = hits_record_many(
            drafts=drafts, unit=officer_fr.unit, user=officer_fr, query=QUERY, query_key=KEY, rule="person_screen"
        )
    assert len(callbacks) == 1
    cases = Case.objects.filter(source=CaseSource.HIT).order_by("source_id")
    # A wanted person is urgent, a missing one is not: only the first two reach the CCC, each once.
    assert [case.hit_id for case in cases] == sorted(ids[person.pk] for person in wanted)
    for case in cases:
        assert sorted(case.threads.values_list("ncb__code", flat=True)) == sorted(
            ["ncb-fr", case.hit.record_owner.code]
        )
