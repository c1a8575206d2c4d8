"""Page weight of a phone's first visit: CSS + JS + fonts, compressed, as Chromium transfers them.

Budget (issue #12): ≤ 150 KB for the home page and for LightsOff's report page. Same server as
run.py (gunicorn, production settings: WhiteNoise serves the compressed static files). Each page is
loaded in a fresh browser context (empty cache) on a 390 × 844 phone viewport; the bytes of every
stylesheet, script and font response (body as transferred, plus headers) are summed.
Writes bench/results/page_weight.json. Run: python bench/bench_page_weight.py
"""

import json
import sys

from harness import ROOT, BenchError, running_server
from playwright.sync_api import sync_playwright

BUDGET_BYTES = 150 * 1024
CHROMIUM = "/usr/bin/chromium"
COUNTED_TYPES = {"stylesheet", "script", "font"}
PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}
RESULTS_PATH = ROOT / "bench" / "results" / "page_weight.json"

FIRST_SHOP = (
    "from reserve.apps.lightsoff.models import Shop; print(Shop.objects.order_by('pk').first().pk)"
)


def pages(server) -> dict[str, str]:
    shop = server.manage("shell", "--no-imports", "-c", FIRST_SHOP).strip().splitlines()[-1]
    return {"home": "/", "lightsoff-report": f"/lightsoff/commerces/{shop}/signaler/"}


def weigh(browser, url: str) -> dict[str, int]:
    """Bytes transferred per resource type for one first visit."""
    context = browser.new_context(locale="fr-FR", **PHONE)
    page = context.new_page()
    finished = []
    page.on("requestfinished", lambda request: finished.append(request))
    response = page.goto(url, wait_until="networkidle")
    if response is None or response.status != 200:
        raise BenchError(f"{url} answered {response and response.status}")
    totals = dict.fromkeys(sorted(COUNTED_TYPES), 0)
    for request in finished:
        if request.resource_type in COUNTED_TYPES:
            sizes = request.sizes()
            kind = request.resource_type
            totals[kind] += sizes["responseBodySize"] + sizes["responseHeadersSize"]
    context.close()
    return totals


def main() -> int:
    results = []
    try:
        with running_server(workers=1) as server, sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=CHROMIUM, headless=True, args=["--no-sandbox", "--disable-gpu"]
            )
            for name, path in pages(server).items():
                totals = weigh(browser, server.url + path)
                results.append({"name": name, "bytes": sum(totals.values()), **totals})
            browser.close()
    except BenchError as exc:
        print(f"bench: {exc}", file=sys.stderr)
        return 1
    print(f"\n{'page':<18} {'css':>8} {'js':>8} {'fonts':>8} {'total':>9}  budget 150 KB")
    for row in results:
        verdict = "ok" if row["bytes"] <= BUDGET_BYTES else "OVER"
        print(
            f"{row['name']:<18} {row['stylesheet'] / 1024:>6.1f}KB {row['script'] / 1024:>6.1f}KB "
            f"{row['font'] / 1024:>6.1f}KB {row['bytes'] / 1024:>7.1f}KB  {verdict}"
        )
    RESULTS_PATH.parent.mkdir(exist_ok=True)
    RESULTS_PATH.write_text(
        json.dumps(
            [
                {"name": f"{row['name']}.page_weight", "value": row["bytes"], "unit": "bytes"}
                for row in results
            ],
            indent=2,
        )
    )
    print(f"\nWritten {RESULTS_PATH.relative_to(ROOT)}")
    return 0 if all(row["bytes"] <= BUDGET_BYTES for row in results) else 1


if __name__ == "__main__":
    sys.exit(main())
