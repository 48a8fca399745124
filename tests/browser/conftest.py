"""End-to-end tests in headless Chromium against pytest-django's live server.

Each test gets a fresh page; when it ends (pass or fail) a full-page screenshot of what the browser shows is
saved to test-artifacts/screenshots/<test name>.png. Without /usr/bin/chromium the tests skip, except on CI
(CI=true), where a missing browser is a failure.
"""

import os
import re
from pathlib import Path

import pytest
from django.core.management import call_command

# Playwright's sync API runs an event loop in this thread; the ORM calls that the tests make between browser
# steps (fixtures, checks) are still plain synchronous calls, so Django's async guard does not apply to them.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
SCREENSHOTS = ROOT / "test-artifacts" / "screenshots"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        message = "chromium not installed: apt-get install -y chromium"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def screenshot_path(request, suffix: str = "") -> str:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    name = re.sub(r"[^\w.-]+", "_", request.node.name + suffix)
    return str(SCREENSHOTS / f"{name}.png")


def open_page(browser, live_server, request, **context_options):
    context = browser.new_context(base_url=live_server.url, **context_options)
    context.set_default_timeout(10_000)
    tab = context.new_page()
    yield tab
    try:
        tab.screenshot(path=screenshot_path(request), full_page=True)
    finally:
        context.close()


@pytest.fixture
def page(browser, live_server, request):
    """A desktop-sized page; its screenshot is saved when the test ends."""
    yield from open_page(browser, live_server, request, viewport={"width": 1280, "height": 900})


@pytest.fixture
def phone_page(browser, live_server, request):
    """A phone-sized page with JavaScript turned off: what every page must work in."""
    yield from open_page(
        browser, live_server, request, viewport={"width": 375, "height": 740}, java_script_enabled=False, is_mobile=True
    )


@pytest.fixture
def seeded(transactional_db):
    """The two seed articles, imported through the real pipeline (parser, extraction engine, store)."""
    call_command("import_articles", str(ROOT / "fixtures"), "--no-progress")
