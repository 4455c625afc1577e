"""Journey 4: ccc.lyon claims the case opened by a hit, messages the NCB, and at the end of the shift the case is
handed to Singapore, where ccc.singapore sees it first."""

import datetime as dt

import pytest
from django.utils import timezone

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def case_from_hit(demo_data):
    """A French check hits a Spanish wanted-person record: the hit is high priority and opens a CCC case."""
    from ccc.models import Case
    from databases.models import Person
    from databases.services.hits import hit_record
    from ncb.models import Unit, User
    from tests.databases.factories import PersonFactory

    spain, france = Unit.objects.get(code="ncb-es"), Unit.objects.get(code="ncb-fr")
    person = PersonFactory(
        owner=spain, reference="ES-WANTED-77", family_name="Navarro Ruiz", given_names="Andrés", status="wanted"
    )
    hit, created = hit_record(
        record=person,
        unit=france,
        user=User.objects.get(username="officer.fr"),
        query={"family_name": "Navarro Ruiz"},
        query_key="persons:navarro ruiz",
        rule="person_name",
        score=1.0,
    )
    assert created and Person.objects.filter(pk=person.pk).exists()
    case = Case.objects.get(hit=hit)
    # Whichever site was on duty when the hit came in, this journey follows it in Lyon's queue.
    Case.objects.filter(pk=case.pk).update(site=Unit.objects.get(code="ccc-lyon"), handover_pending=False)
    return case


def test_lyon_claims_messages_and_hands_over_to_singapore(journey, case_from_hit, settings):
    from ccc.models import Case
    from ccc.services.handover import case_hand_over
    from ncb.models import Unit

    password = settings.DEMO_PASSWORD
    lyon = journey("j4-ccc-lyon", "fr")
    lyon.login("ccc.lyon", password)
    lyon.goto("/fr/ccc/")
    lyon.snap("queue")
    assert lyon.page.locator(f"tr[data-case='{case_from_hit.pk}']").count() == 1
    lyon.goto(f"/fr/ccc/cases/{case_from_hit.pk}/")
    lyon.page.locator("form[action$='/claim/'] button").click()
    lyon.page.wait_for_load_state("networkidle")
    assert Case.objects.get(pk=case_from_hit.pk).claimed_by.username == "ccc.lyon"
    lyon.goto(f"/fr/ccc/cases/{case_from_hit.pk}/")
    lyon.page.locator("form[action*='/messages/'] textarea[name$=body]").first.fill(
        "Concordance confirmée sur ES-WANTED-77. Merci de confirmer la validité du mandat."
    )
    lyon.page.locator("form[action*='/messages/'] button[type=submit]").first.click()
    lyon.page.wait_for_load_state("networkidle")
    assert "ES-WANTED-77" in lyon.page.content()
    lyon.snap("claimed-and-messaged")

    # End of Lyon's shift: the hand-over runs when Singapore is on duty (00:00-08:00 UTC), as the beat would.
    lyon_site = Unit.objects.get(code="ccc-lyon")
    now = timezone.now().replace(hour=7, minute=30, second=0, microsecond=0, tzinfo=dt.UTC)
    handover = case_hand_over(from_site=lyon_site, note="Attente de la réponse du BCN de Madrid.", now=now)
    assert handover is not None and handover.to_site.code == "ccc-singapore"

    singapore = journey("j4-ccc-singapore", "en")
    singapore.login("ccc.singapore", password)
    singapore.goto("/en/ccc/")
    rows = singapore.page.locator("tbody tr[data-case]")
    handed = [
        rows.nth(i).get_attribute("class") and "table-warning" in rows.nth(i).get_attribute("class")
        for i in range(rows.count())
    ]
    ids = [rows.nth(i).get_attribute("data-case") for i in range(rows.count())]
    position = ids.index(str(case_from_hit.pk))
    # Cases handed to this site come first: every row above ours was handed over too.
    assert handed[position] and all(handed[: position + 1])
    singapore.snap("handed-over-first")
