"""LightsOff's report form, filled in by many people at once over real HTTP connections."""

from __future__ import annotations

import http.client
import re
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta
from urllib.parse import urlencode

from platform_under_audit import HOST

TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def submit_report(port: int, shop_id: int, address: str, seen_at: str) -> int | str:
    """GET the form (CSRF cookie and token), POST it; the answer's status, or the error's name."""
    conn = http.client.HTTPConnection(HOST, port, timeout=60)
    path = f"/lightsoff/commerces/{shop_id}/signaler/"
    headers = {"X-Forwarded-For": address, "User-Agent": "la-reserve-audit"}
    try:
        conn.request("GET", path, headers=headers)
        page = conn.getresponse()
        html = page.read().decode()
        cookie = page.getheader("Set-Cookie", "").split(";")[0]
        token = TOKEN.search(html)
        if page.status != 200 or token is None:
            return page.status
        body = urlencode(
            {"csrfmiddlewaretoken": token.group(1), "element": "vitrine", "seen_at": seen_at}
        )
        conn.request(
            "POST",
            path,
            body,
            {
                **headers,
                "Cookie": cookie,
                "Content-Type": "application/x-www-form-urlencoded",
            },
        )
        answer = conn.getresponse()
        answer.read()
        return answer.status
    except (OSError, http.client.HTTPException) as error:
        return type(error).__name__
    finally:
        conn.close()


def submit_reports(port: int, shop_ids: list[int], count: int, first_address: int) -> Counter:
    """`count` reports at once (50 connections in flight), each from its own address."""
    from django.utils import timezone

    seen_at = (timezone.localtime() - timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M")
    with ThreadPoolExecutor(max_workers=50) as pool:
        statuses = pool.map(
            lambda n: submit_report(
                port,
                shop_ids[n % len(shop_ids)],
                f"198.18.{(first_address + n) // 250}.{(first_address + n) % 250 + 1}",
                seen_at,
            ),
            range(count),
        )
        return Counter(statuses)
