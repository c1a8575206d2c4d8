"""`make screenshots`: the README's pictures, taken by Chromium over the demo, so they stay true.

Starts the production-like server of the benchmarks (temporary database seeded with the demo),
then writes docs/screenshots/*.png: a phone and a desktop, the light and the dark theme.
"""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from harness import running_server  # noqa: E402
from playwright.sync_api import sync_playwright  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
OUT = ROOT / "docs" / "screenshots"
DEMO_PASSWORD = "demo-reserve-2026"  # public: reserve/accounts/demo.py
PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}
DESKTOP = {"viewport": {"width": 1280, "height": 800}}
SHOTS = [
    # file, who logs in, page, device, theme
    ("home-phone-light.png", None, "/", PHONE, "light"),
    (
        "reservist-home-desktop-dark.png",
        "reserviste@demo.lareserve.fr",
        "/compte/",
        DESKTOP,
        "dark",
    ),
    ("challenges-desktop-light.png", None, "/defis/", DESKTOP, "light"),
]


def take(browser, base_url: str, name: str, email, path: str, device: dict, theme: str) -> Path:
    context = browser.new_context(
        base_url=base_url, locale="fr-FR", color_scheme=theme, reduced_motion="reduce", **device
    )
    page = context.new_page()
    if email:
        page.goto("/compte/login/")
        page.fill("input[name=login]", email)
        page.fill("input[name=password]", DEMO_PASSWORD)
        page.click("form button[type=submit]")
        page.wait_for_url("**/compte/")
    page.goto(path)
    target = OUT / name
    page.screenshot(path=str(target))
    context.close()
    return target


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    with running_server(workers=1) as server, sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=["--no-sandbox", "--disable-gpu"]
        )
        for shot in SHOTS:
            target = take(browser, server.url, *shot)
            print(f"{target.relative_to(ROOT)}  {target.stat().st_size // 1024} KB")
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
