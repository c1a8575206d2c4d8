"""(c) A worker is killed (SIGKILL) in the middle of sending: its messages (and those the stuck
worker of (b) left) are re-queued by the sweep and each is delivered exactly once."""

import time

from platform_under_audit import Result, Worker

MESSAGES = 10


def run(server, smtp) -> Result:
    from django.core.mail import send_mail

    from reserve.core.mail import message_id_of
    from reserve.core.models import OutboxMessage
    from reserve.core.tasks import recover_lost_work

    result = Result("c. worker killed mid-task", requests=MESSAGES, faults=1)
    smtp.mode = "stall"
    for n in range(MESSAGES):
        send_mail(f"Audit (c) {n}", "Bonjour", None, [f"c{n}@exemple.fr"])
    worker = Worker(server)
    killed = smtp.stalled.wait(30)
    worker.kill()
    result.notes.append("killed while the server held a message" if killed else "never stalled")
    smtp.mode = "normal"
    smtp.resume.set()
    worker = Worker(server)
    try:
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            recover_lost_work.enqueue()  # what the scheduler does every minute
            if not OutboxMessage.objects.exclude(status=OutboxMessage.Status.SENT).exists():
                break
            time.sleep(2)
    finally:
        worker.kill()
    expected = {message_id_of(m) for m in OutboxMessage.objects.all()}
    delivered = set(smtp.accepted) & expected
    result.lost = len(expected - delivered)
    duplicates = sum(smtp.accepted[m] - 1 for m in delivered)
    result.notes.append(
        f"{len(expected)} messages in the outbox (with (b)'s), {len(delivered)} delivered, "
        f"{duplicates} delivered twice"
    )
    result.double_booked = duplicates  # a message sent twice is this scenario's double booking
    return result
