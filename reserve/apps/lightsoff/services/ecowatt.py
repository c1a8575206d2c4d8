"""EcoWatt: the national signal of each day, and the volunteers who want to hear of tense ones."""

from django.conf import settings
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from reserve.core.audit import SYSTEM, record
from reserve.core.notify import tell

from .. import ecowatt as signals_file
from ..models import EcoWattDay, TenseDayAlert
from ..permissions import require_volunteer
from .common import ServiceError, public_data_changed


def set_ecowatt(actor, day, value: int, message: str = "", source: str = "manual") -> EcoWattDay:
    """Record the day's national signal (1 green, 2 orange, 3 red) on behalf of `actor` (a staff
    member, or `reserve.core.audit.SYSTEM` for imports).

    When a day becomes orange or red, volunteers who asked for it get an e-mail (once per day
    and level: re-importing the same signal sends nothing).
    """
    if value not in EcoWattDay.Signal.values:
        raise ServiceError({"value": _("Le signal vaut 1, 2 ou 3.")})
    previous = EcoWattDay.objects.filter(day=day).values_list("value", flat=True).first() or 0
    signal, _created = EcoWattDay.objects.update_or_create(
        day=day, defaults={"value": value, "message": message[:300], "source": source}
    )
    if value != previous:
        record(
            actor, "lightsoff.ecowatt_set", signal, value=value, previous=previous, source=source
        )
    signal_changed(day)
    if signal.is_tense and value > previous and day >= timezone.localdate():
        alert_volunteers(signal)
    return signal


def delete_ecowatt(actor, signal: EcoWattDay) -> None:
    record(actor, "lightsoff.ecowatt_deleted", signal, value=signal.value)
    signal.delete()
    signal_changed(signal.day)


def signal_changed(day) -> None:
    """The verdicts of that day and the public pages' banner read the signal: forget them."""
    cache.delete(f"lightsoff:ecowatt:{day.isoformat()}")
    public_data_changed()


def alert_volunteers(signal: EcoWattDay) -> int:
    """Tell the volunteers who asked for it that a tense day is announced (news: not essential)."""
    people = [alert.user for alert in TenseDayAlert.objects.select_related("user")]
    tell(
        people,
        "lightsoff/email/tense_day",
        {"signal": signal},
        url=reverse("lightsoff:queue"),
        kind="lightsoff_tense_day",
        essential=False,
    )
    return len(people)


def set_tense_day_alert(user, wanted: bool) -> None:
    require_volunteer(user)
    if wanted:
        TenseDayAlert.objects.get_or_create(user=user)
    else:
        TenseDayAlert.objects.filter(user=user).delete()


def fetch_ecowatt_from_rte() -> int:
    """Import RTE's signals (today and the next 3 days) when credentials are configured.

    OAuth2 client credentials, then one GET; RTE allows one call per 15 minutes.
    """
    if not (settings.RTE_CLIENT_ID and settings.RTE_CLIENT_SECRET):
        return 0
    import base64
    import json
    import urllib.request

    secret = f"{settings.RTE_CLIENT_ID}:{settings.RTE_CLIENT_SECRET}".encode()
    token_request = urllib.request.Request(
        settings.RTE_TOKEN_URL,
        method="POST",
        headers={"Authorization": "Basic " + base64.b64encode(secret).decode()},
    )
    with urllib.request.urlopen(token_request, timeout=20) as response:
        token = json.load(response)["access_token"]
    signals_request = urllib.request.Request(
        settings.RTE_ECOWATT_URL, headers={"Authorization": f"Bearer {token}"}
    )
    with urllib.request.urlopen(signals_request, timeout=20) as response:
        signals = signals_file.read_signals(response.read().decode("utf-8"))
    for day, value, message in signals:
        set_ecowatt(SYSTEM, day, value, message, source="rte")
    return len(signals)
