"""(b) The mail server accepts connections and never answers, while the site takes writes.

A worker is left stuck talking to it (EMAIL_TIMEOUT longer than SQLite's 20 s busy timeout, as
a misconfigured server would make it); meanwhile 100 people submit reports: none may fail."""

import time

from http_client import submit_reports
from platform_under_audit import Result, Worker

WRITES = 100
MESSAGES = 5


def wait_for(condition, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.1)
    return False


def run(server, smtp) -> Result:
    from django.core.mail import send_mail

    from reserve.apps.lightsoff.models import Report, ShopStatus
    from reserve.apps.lightsoff.tests.factories import ShopFactory
    from reserve.core.models import OutboxMessage

    result = Result("b. hanging SMTP server during writes", requests=WRITES, faults=1)
    smtp.mode = "hang"
    for n in range(MESSAGES):
        send_mail(f"Audit (b) {n}", "Bonjour", None, [f"b{n}@exemple.fr"])
    worker = Worker(server, EMAIL_TIMEOUT="25")
    try:
        stuck = wait_for(
            lambda: OutboxMessage.objects.filter(status=OutboxMessage.Status.SENDING).exists(), 30
        )
        result.notes.append("a worker is stuck in SMTP" if stuck else "the worker never sent")
        shops = [ShopFactory(status=ShopStatus.REPORTED).pk for _ in range(5)]
        before = Report.objects.count()
        started = time.monotonic()
        statuses = submit_reports(server.port, shops, WRITES, first_address=1000)
        took = time.monotonic() - started
        stored = Report.objects.count() - before
        still_stuck = OutboxMessage.objects.filter(status=OutboxMessage.Status.SENDING).exists()
    finally:
        worker.kill()
        smtp.mode = "normal"
    result.lost = WRITES - stored
    result.server_errors = sum(n for s, n in statuses.items() if not isinstance(s, int) or s >= 500)
    result.notes.append(
        f"answers {dict(statuses)} in {took:.1f} s, stored {stored}, "
        f"SMTP still hanging at the end: {still_stuck}; worker then killed"
    )
    return result
