"""Browser-test harness: Playwright (sync API) driving Debian's Chromium against `live_server`.

Each test gets a fresh browser context (French locale, Paris time zone); `phone_page` is the same
on a 360×740 viewport. `assert_accessible(page)` runs axe in the light and in the dark theme
and fails on serious or critical violations.
"""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import sync_playwright

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--disable-quic",
]
PHONE_VIEWPORT = {"width": 360, "height": 740}
BLOCKING_IMPACTS = {"serious", "critical"}
TIMEOUT_MS = 10_000


@pytest.fixture(scope="package")
def browser():
    """One Chromium for the browser tests, closed before the rest of the suite runs.

    Playwright's sync API keeps an event loop running in the test thread, so Django refuses
    database access there unless DJANGO_ALLOW_ASYNC_UNSAFE is set (the tests never use the
    database concurrently). Loop and variable both end with the e2e package: set for the whole
    session, the variable reached later tests' subprocesses (`check --deploy` fails: async.E001).
    """
    with pytest.MonkeyPatch.context() as env, sync_playwright() as playwright:
        env.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture
def new_page(browser, live_server):
    """Open pages in fresh browser contexts (French, Paris time); extra options go to Playwright.

    Any Content-Security-Policy violation a page reports fails the test: the policy forbids
    inline scripts and styles, and the journeys prove the pages work under it.
    """
    contexts = []
    violations = []

    def note_violation(message):
        if message.type == "error" and "Content Security Policy" in message.text:
            violations.append(f"{message.location.get('url')}: {message.text}")

    def open_page(**options):
        context = browser.new_context(
            base_url=live_server.url,
            locale="fr-FR",
            timezone_id="Europe/Paris",
            accept_downloads=True,
            **options,
        )
        context.set_default_timeout(TIMEOUT_MS)
        context.on("console", note_violation)
        contexts.append(context)
        return context.new_page()

    yield open_page
    for context in contexts:
        context.close()
    assert violations == [], "Content-Security-Policy violations:\n" + "\n".join(violations)


@pytest.fixture
def page(new_page):
    return new_page()


@pytest.fixture
def phone_page(new_page):
    return new_page(viewport=PHONE_VIEWPORT, is_mobile=True, has_touch=True)


@pytest.fixture(scope="session")
def assert_accessible():
    """`assert_accessible(page)`: fail, listing each one, on serious or critical axe violations."""
    axe = Axe()

    def check(page) -> None:
        for scheme in ("light", "dark"):
            # Reduced motion: the colours switch at once, axe never measures them mid-transition.
            page.emulate_media(color_scheme=scheme, reduced_motion="reduce")
            violations = axe.run(page).response["violations"]
            blocking = [v for v in violations if v["impact"] in BLOCKING_IMPACTS]
            report = "\n".join(
                f"- {v['id']} ({v['impact']}): {v['help']}\n"
                + "\n".join(f"    {', '.join(map(str, node['target']))}" for node in v["nodes"])
                for v in blocking
            )
            if blocking:
                pytest.fail(
                    f"axe ({scheme} theme): {len(blocking)} serious or critical rule(s) on "
                    f"{page.url}\n{report}"
                )
        page.emulate_media(color_scheme=None, reduced_motion=None)

    return check
