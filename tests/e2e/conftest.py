"""Browser journeys: headless Chromium (Debian's package) driven by Playwright against Django's live server.

Each journey checks that no console error occurred, that pages have no serious accessibility violation
(axe-core from the npm registry) and saves a screenshot per step under test-artifacts/screenshots/.
"""

import os
import re
import shutil
from pathlib import Path

import pytest

from tests.celery_worker import celery_worker_process  # noqa: F401  (a real worker for journeys that queue tasks)

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
ARTIFACTS = ROOT / "test-artifacts" / "screenshots"

# Playwright's sync API runs an event loop in this thread; the ORM calls of the test itself are still synchronous.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(scope="session")
def browser():
    if shutil.which(CHROMIUM) is None and not Path(CHROMIUM).exists():
        pytest.skip(f"Chromium not found at {CHROMIUM}")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-sync",
                "--disable-background-networking",
                "--disable-component-update",
            ],
        )
        yield browser
        browser.close()


class Journey:
    """One user's browser session, with console-error capture, axe checks and step screenshots."""

    def __init__(self, browser, base_url: str, name: str, language: str):
        self.context = browser.new_context(locale=language, viewport={"width": 1280, "height": 900})
        self.page = self.context.new_page()
        self.base_url = base_url
        self.name = name
        self.language = language
        self.console_errors: list[str] = []
        self.step = 0
        self.page.on("console", self._on_console)
        self.page.on("pageerror", lambda error: self.console_errors.append(f"pageerror: {error}"))
        self.page.on("response", self._on_response)

    def _on_console(self, message):
        if message.type == "error":
            self.console_errors.append(message.text)

    def _on_response(self, response):
        # The console says only "Failed to load resource"; name the URL so a failure is easy to act on.
        if response.status >= 400:
            self.console_errors.append(f"HTTP {response.status}: {response.url}")

    def goto(self, path: str):
        self.page.goto(self.base_url + path)
        return self.page

    def login(self, username: str, password: str):
        self.goto(f"/{self.language}/accounts/login/")
        self.page.fill("input[name=username]", username)
        self.page.fill("input[name=password]", password)
        self.page.click("button[type=submit]")
        self.page.wait_for_load_state("networkidle")

    def snap(self, label: str):
        self.step += 1
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        slug = re.sub(r"[^a-z0-9]+", "-", label.lower()).strip("-")
        self.page.screenshot(path=str(ARTIFACTS / f"{self.name}-{self.step:02d}-{slug}.png"), full_page=True)
        self.check_accessibility()

    def check_accessibility(self):
        """Fail on serious or critical axe-core violations of the current page."""
        if not AXE.exists():
            pytest.fail("axe-core is missing: run make setup (npm ci)")
        self.page.evaluate(AXE.read_text())
        results = self.page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
        serious = [
            f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
            for v in results["violations"]
            if v["impact"] in ("serious", "critical")
        ]
        assert not serious, f"{self.page.url}: accessibility violations: {serious}"

    def close(self):
        self.context.close()
        assert not self.console_errors, f"browser console errors: {self.console_errors}"


@pytest.fixture
def journey(browser, live_server):
    journeys = []

    def start(name: str, language: str) -> Journey:
        one = Journey(browser, live_server.url, name, language)
        journeys.append(one)
        return one

    yield start
    for one in journeys:
        one.close()


@pytest.fixture
def demo_data(transactional_db):
    from django.core.management import call_command

    call_command("load_demo", verbosity=0)
