"""Journey 6: officer.sg uploads a passenger list; a real Celery worker screens it while the page's progress bar
(htmx polling) moves to 100 %; the results show the wanted passenger and the CSV export can be downloaded."""

import time

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.worker, pytest.mark.django_db(transaction=True)]

REFERENCE = "ES-PJ-2026-0877"
FAMILIES = [
    "Okonkwo",
    "Lindqvist",
    "Takahashi",
    "Kowalczyk",
    "Haddadi",
    "Nakamura",
    "Oyelaran",
    "Brannigan",
    "Vasquez Roa",
    "Petrovic",
    "Halvorsen",
    "Achterberg",
    "Mwangi",
    "Szabo",
    "Quispe",
    "Rautio",
    "Delacroix",
    "Yilmazer",
    "Ferreira Lobo",
    "Ng",
]
GIVENS = [
    "Ada",
    "Bjorn",
    "Chidi",
    "Dorota",
    "Emeka",
    "Freya",
    "Goran",
    "Hana",
    "Ines",
    "Jonas",
    "Kaito",
    "Lena",
    "Mateus",
    "Nadia",
    "Oskar",
    "Priya",
    "Quentin",
    "Rosa",
    "Sven",
    "Tomasz",
]


@pytest.fixture
def wanted_person(demo_data):
    """Recorded by ncb-es through the service, so that its blocking keys are stored; visible to all countries."""
    from databases.services import record_create
    from ncb.models import Unit

    return record_create(
        database="persons",
        owner=Unit.objects.get(code="ncb-es"),
        actor=None,
        data={
            "reference": REFERENCE,
            "status": "wanted",
            "family_name": "Navarro Ruiz",
            "given_names": "Andrés",
            "date_of_birth": "1979-02-11",
            "sex": "M",
        },
    )


def passenger_list(tmp_path):
    """An airline's list (its own column names, ';' separated) of 400 passengers, the wanted one on line 3."""
    lines = ["Surname;First name;DOB;Gender;Passport number"]
    for index in range(400):
        family, given = FAMILIES[index % 20], GIVENS[index // 20]
        lines.append(f"{family};{given};{1950 + index % 50}-{1 + index % 12:02d}-{1 + index % 28:02d};U;X{index:07d}")
    lines[3] = "NAVARRO RUIZ;ANDRES;1979-02-11;M;PX4471920"
    path = tmp_path / "SQ321-passengers.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_passenger_list_is_screened_by_a_worker_with_progress_results_and_export(
    journey, wanted_person, celery_worker_process, settings, tmp_path
):
    officer = journey("j6-officer-sg", "en")
    officer.login("officer.sg", settings.DEMO_PASSWORD)
    officer.goto("/en/databases/screening/jobs/")
    officer.snap("passenger-lists")
    page = officer.page
    page.set_input_files("input[name=file]", str(passenger_list(tmp_path)))
    page.locator("main form button[type=submit]").click()
    page.wait_for_url("**/databases/screening/jobs/*/")

    # The page polls every 2 s and reloads itself when the worker is done.
    progress = page.locator("#screening-progress progress")
    seen: list[int] = []
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        value = int(progress.get_attribute("value"))
        if not seen or value != seen[-1]:
            seen.append(value)
        if value == 100 and page.locator("#screening-results").count():
            break
        page.wait_for_timeout(200)
    assert seen[-1] == 100, f"progress seen: {seen}\n{celery_worker_process.log_path.read_text()[-3000:]}"
    assert seen[0] < 100 and seen == sorted(seen), seen  # it moved forward, from the worker's own progress writes
    page.wait_for_load_state("networkidle")
    assert page.locator("#screening-progress").get_attribute("hx-get") is None  # polling stopped
    assert "400 of 400" in page.locator("#screening-progress").inner_text()
    row = page.locator("#screening-results tbody tr", has_text="NAVARRO RUIZ")
    assert row.locator(f"a:text-is('{REFERENCE}')").count() == 1
    officer.snap("results")

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Export (CSV)").click()
    download = download_info.value
    assert download.suggested_filename.endswith(".csv")
    with open(download.path(), encoding="utf-8") as handle:
        lines = handle.read().splitlines()
    assert lines[0].startswith("line,family_name,given_names") and len(lines) == 401
    wanted = next(line for line in lines if "NAVARRO RUIZ" in line)
    assert f"persons:{REFERENCE}" in wanted
