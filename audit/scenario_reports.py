"""(a) 200 people submit a LightsOff report at the same moment: every report must be stored."""

from http_client import submit_reports
from platform_under_audit import Result

PEOPLE = 200


def run(server) -> Result:
    from reserve.apps.lightsoff.models import Report, ShopStatus
    from reserve.apps.lightsoff.tests.factories import ShopFactory

    shops = [ShopFactory(status=ShopStatus.REPORTED).pk for _ in range(5)]
    before = Report.objects.count()
    statuses = submit_reports(server.port, shops, PEOPLE, first_address=0)
    stored = Report.objects.count() - before
    result = Result("a. 200 concurrent LightsOff reports", requests=PEOPLE)
    result.lost = PEOPLE - stored
    result.server_errors = sum(n for s, n in statuses.items() if not isinstance(s, int) or s >= 500)
    result.notes.append(f"answers {dict(statuses)}, reports stored {stored}")
    return result
