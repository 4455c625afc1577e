"""Journey 3: head.fr requests a Red Notice, the reviewer publishes it, its public page shows the public extract."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _fill(page, name: str, value: str):
    field = page.locator(f"main [name={name}]")
    tag = field.evaluate("el => el.tagName")
    if tag == "SELECT":
        field.select_option(value)
    else:
        field.fill(value)


def test_red_notice_from_request_to_public_page(journey, demo_data, settings):
    from ncb.models import Country
    from notices.models import Notice

    password = settings.DEMO_PASSWORD
    head = journey("j3-head-fr", "fr")
    head.login("head.fr", password)
    head.goto("/fr/notices/request/red/")
    head.snap("red-request-form")
    page = head.page
    for name, value in {
        "language": "fr",
        "family_name": "DURAND-VILLIERS",
        "given_names": "Étienne Marc",
        "sex": "M",
        "date_of_birth": "1979-06-02",
        "physical_description": "1,82 m, cheveux bruns, cicatrice au menton",
        "summary_of_facts": "Escroquerie en bande organisée au préjudice de 214 épargnants, Lyon, 2024-2025.",
        "facts_date": "2025-02-11",
        "facts_place": "Lyon",
        "charges": "Escroquerie en bande organisée",
        "law": "Code pénal, article 313-2",
        "judicial_basis": "prosecution",
        "maximum_penalty_months": "120",
        "warrant_reference": "MA-2025-0117",
        "warrant_issued_on": "2025-03-01",
        "warrant_authority": "Juge d'instruction, tribunal judiciaire de Lyon",
        "warrant_country": str(Country.objects.get(iso2="FR").pk),
    }.items():
        _fill(page, name, value)
    page.locator("select[name=nationalities]").select_option(str(Country.objects.get(iso2="FR").pk))
    page.check("input[name=public_consent]")
    page.locator("main form button[type=submit]").last.click()
    page.wait_for_load_state("networkidle")
    notice = Notice.objects.get(family_name="DURAND-VILLIERS")
    head.snap("draft")
    page.locator("form[action$='/submit/'] button").click()
    page.wait_for_load_state("networkidle")
    head.snap("submitted")
    page.locator("form[action$='/approve/'] button").click()
    page.wait_for_load_state("networkidle")
    notice.refresh_from_db()
    assert notice.status == "under_review", notice.status
    head.snap("under-review")

    reviewer = journey("j3-reviewer", "en")
    reviewer.login("reviewer", password)
    reviewer.goto("/en/notices/review/")
    reviewer.snap("review-queue")
    reviewer.goto(f"/en/notices/{notice.pk}/review/")
    for box in reviewer.page.locator(".notice-checklist fieldset").first.locator("input[type=checkbox]").all():
        box.check()
    reviewer.page.check("input[name=decision][value=publish]")
    reviewer.page.get_by_role("button", name="Record the decision").click()
    reviewer.page.wait_for_load_state("networkidle")
    notice.refresh_from_db()
    assert notice.status == "published"
    reviewer.snap("published")

    visitor = journey("j3-public", "en")
    visitor.goto("/en/notices/public/")
    assert "DURAND-VILLIERS" in visitor.page.content()
    visitor.snap("public-list")
    visitor.page.get_by_role("link", name="DURAND-VILLIERS").first.click()
    visitor.page.wait_for_load_state("networkidle")
    content = visitor.page.content()
    assert "Escroquerie en bande organisée" in content  # the charge is public
    assert "MA-2025-0117" not in content and "214 épargnants" not in content  # warrant and facts are not
    visitor.snap("public-detail")
