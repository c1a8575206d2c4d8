import io
import json
from datetime import date, timedelta
from io import StringIO

import pytest
from django.apps import apps
from django.core import mail
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone

from reserve.apps.lightsoff import services
from reserve.apps.lightsoff.models import AbuseReport, EcoWattDay, Report, Shop, ShopStatus
from reserve.core.audit import SYSTEM

from .factories import ReservistFactory, ShopFactory

pytestmark = pytest.mark.django_db


def make_report(shop, days_ago=0, **fields):
    """A report filed `days_ago` days ago."""
    report = services.report_lit_shop(
        shop, element="vitrine", seen_at=timezone.now() - timedelta(hours=1), **fields
    )
    Report.objects.filter(pk=report.pk).update(created_at=timezone.now() - timedelta(days=days_ago))
    report.refresh_from_db()
    return report


def test_reporters_who_left_an_email_are_invited_to_check_again_after_7_days(shop, run_tasks):
    make_report(shop, days_ago=8, email="voisin@exemple.fr", consent=True)
    make_report(shop, days_ago=2, email="recent@exemple.fr", consent=True)
    make_report(shop, days_ago=8)

    assert services.send_follow_ups() == 1
    assert services.send_follow_ups() == 0
    run_tasks()
    assert [m.to for m in mail.outbox] == [["voisin@exemple.fr"]]
    assert "/suivi/" in mail.outbox[0].body


def test_two_people_seeing_it_off_confirm_the_shop_off(client, shop):
    first, second = make_report(shop), make_report(shop)

    client.post(reverse("lightsoff:follow_up", args=[first.token]), {"answer": "now_off"})
    assert Shop.objects.get().status == ShopStatus.REPORTED
    client.post(reverse("lightsoff:follow_up", args=[second.token]), {"answer": "now_off"})

    assert Shop.objects.get().status == ShopStatus.CONFIRMED_OFF


def test_one_person_cannot_confirm_alone_even_from_two_reports(client, shop):
    first = make_report(shop, email="voisin@exemple.fr", consent=True)
    second = make_report(shop, email="voisin@exemple.fr", consent=True)

    client.post(reverse("lightsoff:follow_up", args=[first.token]), {"answer": "now_off"})
    client.post(reverse("lightsoff:follow_up", args=[second.token]), {"answer": "now_off"})

    assert Shop.objects.get().status == ShopStatus.REPORTED


def test_a_report_link_gives_news_once_a_night(client, shop):
    report = make_report(shop)
    url = reverse("lightsoff:follow_up", args=[report.token])

    client.post(url, {"answer": "still_lit"})
    response = client.post(url, {"answer": "closed"})

    assert "déjà donné des nouvelles" in response.content.decode()
    assert Shop.objects.get().status == ShopStatus.STILL_LIT


def test_follow_ups_are_rate_limited_per_address(client, settings):
    settings.LIGHTSOFF_FOLLOW_UPS_PER_IP_HOUR = 1
    first, second = make_report(ShopFactory()), make_report(ShopFactory())

    client.post(reverse("lightsoff:follow_up", args=[first.token]), {"answer": "still_lit"})
    response = client.post(
        reverse("lightsoff:follow_up", args=[second.token]), {"answer": "still_lit"}
    )

    assert response.status_code == 429


def test_checking_again_can_say_still_lit_or_closed(client, shop):
    first, second = make_report(shop), make_report(shop)

    client.post(reverse("lightsoff:follow_up", args=[first.token]), {"answer": "still_lit"})
    assert Shop.objects.get().status == ShopStatus.STILL_LIT
    client.post(reverse("lightsoff:follow_up", args=[second.token]), {"answer": "closed"})
    assert Shop.objects.get().status == ShopStatus.NOT_APPLICABLE


def test_emails_and_photos_are_purged_after_90_days(shop, media):
    old = make_report(shop, days_ago=91, email="old@exemple.fr", consent=True)
    recent = make_report(shop, days_ago=10, email="new@exemple.fr", consent=True)

    assert services.purge_personal_data(SYSTEM) == 1

    old.refresh_from_db()
    recent.refresh_from_db()
    assert (old.email, old.purged_at is not None) == ("", True)
    assert recent.email == "new@exemple.fr"


def test_the_purge_is_a_periodic_task_of_the_app():
    names = [task.name for task, _interval in apps.get_app_config("lightsoff").periodic_tasks]

    assert {"purge_personal_data", "send_follow_ups"} <= set(names)


def test_moderators_hide_a_report_and_its_author_is_told_why(client, staff, shop, run_tasks):
    report = make_report(shop, comment="Gros pollueur !", email="a@exemple.fr", consent=True)
    client.force_login(staff)

    client.post(
        reverse("lightsoff:moderation"),
        {"report": report.pk, "decision": "hide", "reason": "Propos blessants"},
    )

    run_tasks()
    report.refresh_from_db()
    assert report.moderation == "hidden"
    assert "Propos blessants" in mail.outbox[0].body
    assert (
        "Gros pollueur"
        not in client.get(reverse("lightsoff:shop", args=[shop.pk])).content.decode()
    )


def test_hiding_needs_a_reason(client, staff, shop):
    report = make_report(shop, comment="Texte")
    client.force_login(staff)

    response = client.post(
        reverse("lightsoff:moderation"), {"report": report.pk, "decision": "hide"}, follow=True
    )

    assert "raison" in response.content.decode()
    assert Report.objects.get().moderation == "pending"


def test_moderation_is_for_staff_only(client, user):
    client.force_login(user)

    assert client.get(reverse("lightsoff:moderation")).status_code == 403


def test_one_anonymous_abuse_flag_does_not_hide_a_report_but_staff_see_it(client, shop, staff):
    report = make_report(shop)

    client.post(
        reverse("lightsoff:abuse", args=[shop.pk]) + f"?signalement={report.public_id}",
        {"reason": "personal_data"},
    )

    assert AbuseReport.objects.get().reason == "personal_data"
    assert Report.objects.get().moderation == "visible"
    client.force_login(staff)
    assert report in client.get(reverse("lightsoff:moderation")).context["reports"]


def test_flags_from_enough_different_addresses_send_the_report_back_to_moderation(
    client, shop, settings
):
    settings.LIGHTSOFF_ABUSE_THRESHOLD = 2
    report = make_report(shop)
    url = reverse("lightsoff:abuse", args=[shop.pk]) + f"?signalement={report.public_id}"

    client.post(url, {"reason": "offensive"}, REMOTE_ADDR="10.0.0.1")
    client.post(url, {"reason": "offensive"}, REMOTE_ADDR="10.0.0.1")
    assert Report.objects.get().moderation == "visible"
    client.post(url, {"reason": "offensive"}, REMOTE_ADDR="10.0.0.2")

    assert Report.objects.get().moderation == "pending"


def test_an_abuse_report_without_a_reason_is_refused(client, shop):
    response = client.post(reverse("lightsoff:abuse", args=[shop.pk]), {})

    assert response.context["form"].errors["reason"]
    assert not AbuseReport.objects.exists()


def test_an_orange_day_shows_a_banner(client):
    services.set_ecowatt(SYSTEM, timezone.localdate(), 2, "Réseau tendu ce soir")

    page = client.get(reverse("lightsoff:index")).content.decode()

    assert "signal EcoWatt orange" in page


def test_a_red_day_makes_digital_advertising_a_violation():
    day = date(2026, 1, 15)
    services.set_ecowatt(SYSTEM, day, 3)

    result = services.verdict_for("publicite", "2026-01-15T19:00", digital=True)

    assert result.status == "violation"


def test_staff_enter_the_signal_by_hand(client, staff):
    client.force_login(staff)

    client.post(reverse("lightsoff:ecowatt"), {"day": "2026-01-15", "value": "3", "message": ""})

    assert EcoWattDay.objects.get().value == 3


def test_the_open_data_file_is_imported_as_csv_or_api_json(tmp_path):
    csv_file = tmp_path / "ecowatt.csv"
    csv_file.write_text("jour;dvalue;message\n2026-01-14;1;\n2026-01-15;3;Coupures possibles\n")
    json_file = tmp_path / "ecowatt.json"
    json_file.write_text(
        json.dumps({"signals": [{"jour": "2026-01-16T00:00:00+01:00", "dvalue": 2}]})
    )
    out = StringIO()

    call_command("import_ecowatt", str(csv_file), stdout=out)
    call_command("import_ecowatt", str(json_file), stdout=out)

    assert "2 EcoWatt days imported, 1 orange or red" in out.getvalue()
    assert dict(EcoWattDay.objects.values_list("day", "value")) == {
        date(2026, 1, 14): 1, date(2026, 1, 15): 3, date(2026, 1, 16): 2,
    }  # fmt: skip


def test_a_malformed_ecowatt_file_is_a_clear_error(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text("jour;dvalue\n2026-01-15;9\n")

    with pytest.raises(CommandError, match="cannot read"):
        call_command("import_ecowatt", str(path))


def test_volunteers_who_asked_are_emailed_when_a_tense_day_is_announced(client, run_tasks):
    volunteer = ReservistFactory()
    ReservistFactory()
    client.force_login(volunteer)
    client.post(reverse("lightsoff:tense_day_alert"), {"wanted": "1"})
    tomorrow = timezone.localdate() + timedelta(days=1)

    services.set_ecowatt(SYSTEM, tomorrow, 3)
    services.set_ecowatt(SYSTEM, tomorrow, 3)
    run_tasks()

    assert [m.to for m in mail.outbox] == [[volunteer.email]]
    assert "rouge" in mail.outbox[0].subject


def test_signals_are_fetched_from_rte_when_credentials_are_set(settings, monkeypatch):
    settings.RTE_CLIENT_ID, settings.RTE_CLIENT_SECRET = "id", "secret"
    answers = iter(
        [
            b'{"access_token": "t"}',
            json.dumps({"signals": [{"jour": "2026-01-15T00:00:00+01:00", "dvalue": 2}]}).encode(),
        ]
    )

    class Response(io.BytesIO):
        def __enter__(self):
            return self

        def __exit__(self, *exc):
            return False

    monkeypatch.setattr("urllib.request.urlopen", lambda request, timeout: Response(next(answers)))

    assert services.fetch_ecowatt_from_rte() == 1
    assert EcoWattDay.objects.get().source == "rte"


def test_nothing_is_fetched_without_rte_credentials(settings):
    settings.RTE_CLIENT_ID = ""

    assert services.fetch_ecowatt_from_rte() == 0


def test_volunteers_who_made_contact_are_invited_to_check_again_too(reservist, run_tasks):
    from reserve.apps.lightsoff.models import ContactAttempt

    shop = ShopFactory(in_queue=True)
    make_report(shop, days_ago=8)
    services.claim_shop(reservist, shop.pk)
    services.log_contact(reservist, Shop.objects.get(pk=shop.pk), "will_fix")
    ContactAttempt.objects.update(created_at=timezone.now() - timedelta(days=8))

    assert services.send_follow_ups() == 1
    run_tasks()
    assert mail.outbox[0].to == [reservist.email]
    assert "vous avez contacté" in mail.outbox[0].body
