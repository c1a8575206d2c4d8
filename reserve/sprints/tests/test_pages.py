from decimal import Decimal

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from reserve.sprints.models import CheckIn, Handover, HoursEntry, Measurement, monday

from .factories import deliverable, indicator
from .test_delivery import HANDOVER


def url(sprint, rest=""):
    return f"/sprints/defi/{sprint.challenge.pk}/{rest}"


def test_the_sprint_page_is_for_the_team_the_sponsor_and_staff(client, sprint):
    for person in (sprint.member, sprint.sponsor, sprint.referent, sprint.staff):
        client.force_login(person)
        assert client.get(url(sprint)).status_code == 200
    client.force_login(sprint.outsider)
    assert client.get(url(sprint)).status_code == 403
    client.logout()
    assert client.get(url(sprint)).status_code == 302


def test_a_member_posts_a_check_in_from_the_page(client, sprint):
    client.force_login(sprint.member)
    week = monday(timezone.localdate()).isoformat()

    response = client.post(
        url(sprint, "points/"),
        {
            "week": week,
            "progress": "Maquette prête.",
            "blockers": "Pas d'accès à l'API de la ville.",
            "confidence": "at_risk",
            f"hours_{sprint.member.pk}": "72",
        },
    )

    assert response.status_code == 302
    checkin = CheckIn.objects.get()
    assert checkin.has_open_blocker
    assert HoursEntry.objects.get().flagged
    page = client.get(url(sprint)).content.decode()
    assert "Pas d&#x27;accès à l&#x27;API de la ville." in page


def test_a_member_cannot_declare_hours_for_a_teammate_from_the_page(client, sprint):
    client.force_login(sprint.member)

    response = client.post(
        url(sprint, "points/"),
        {
            "week": monday(timezone.localdate()).isoformat(),
            "progress": "x",
            "confidence": "on_track",
            f"hours_{sprint.lead.pk}": "5",
        },
    )

    assert response.status_code == 302
    assert not HoursEntry.objects.filter(member=sprint.lead).exists()


def test_a_week_outside_the_sprint_comes_back_with_the_field_error(client, sprint):
    client.force_login(sprint.member)
    response = client.post(
        url(sprint, "points/"),
        {"week": "2020-01-06", "progress": "x", "confidence": "on_track"},
    )
    assert response.status_code == 400
    assert not CheckIn.objects.exists()


def test_a_non_numeric_or_absurd_measurement_is_refused_next_to_the_field(client, sprint):
    gauge = indicator(sprint.challenge)
    client.force_login(sprint.sponsor)
    today = timezone.localdate().isoformat()

    response = client.post(
        url(sprint, f"indicateurs/{gauge.pk}/mesures/"),
        {"date": today, "value": "beaucoup", "source": "Relevé"},
    )
    assert response.status_code == 400
    assert "Saisissez un nombre." in response.content.decode()

    response = client.post(
        url(sprint, f"indicateurs/{gauge.pk}/mesures/"),
        {"date": today, "value": "99999", "source": "Relevé"},
    )
    assert response.status_code == 400
    assert "vérifiez l&#x27;unité" in response.content.decode()
    assert not Measurement.objects.exists()


def test_a_measurement_appears_in_the_team_space_chart(client, sprint):
    gauge = indicator(sprint.challenge)
    client.force_login(sprint.member)

    client.post(
        url(sprint, f"indicateurs/{gauge.pk}/mesures/"),
        {"date": timezone.localdate().isoformat(), "value": "7", "source": "Relevé des mairies"},
    )

    assert Measurement.objects.get().value == Decimal(7)
    page = client.get(f"/equipes/defi/{sprint.challenge.pk}/espace/").content.decode()
    assert "<svg" in page
    assert "Relevé des mairies" in page


def test_the_sponsor_accepts_delivery_and_fills_the_handover(client, sprint):
    item = deliverable(sprint.challenge)
    client.force_login(sprint.member)
    client.post(url(sprint, f"livrables/{item.pk}/livrer/"), {"link": "https://code.example.org"})
    client.force_login(sprint.sponsor)

    assert client.post(url(sprint, "livraison/"), {"verdict": "accepted"}).status_code == 302
    assert client.post(url(sprint, "passation/"), HANDOVER).status_code == 302

    assert Handover.objects.get().owner == HANDOVER["owner"]
    page = client.get(url(sprint)).content.decode()
    assert "Livraison acceptée" in page


def test_a_deliverable_file_is_served_only_to_the_team(client, sprint, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    item = deliverable(sprint.challenge)
    client.force_login(sprint.member)
    upload = SimpleUploadedFile("etude.pdf", b"%PDF-1.4 etude", content_type="application/pdf")
    assert (
        client.post(url(sprint, f"livrables/{item.pk}/livrer/"), {"file": upload}).status_code
        == 302
    )

    response = client.get(url(sprint, f"livrables/{item.pk}/fichier/"))
    assert b"".join(response.streaming_content) == b"%PDF-1.4 etude"
    assert 'filename="etude.pdf"' in response["Content-Disposition"]
    assert response["Cache-Control"] == "private, no-store"
    item.refresh_from_db()
    assert "etude" not in item.file.name
    client.force_login(sprint.outsider)
    assert client.get(url(sprint, f"livrables/{item.pk}/fichier/")).status_code == 403


def test_a_file_that_is_not_what_it_says_is_refused(client, sprint):
    item = deliverable(sprint.challenge)
    client.force_login(sprint.member)
    upload = SimpleUploadedFile("etude.pdf", b"MZ not a pdf", content_type="application/pdf")

    response = client.post(url(sprint, f"livrables/{item.pk}/livrer/"), {"file": upload})

    assert response.status_code == 400
    item.refresh_from_db()
    assert not item.is_delivered


def test_the_lead_validates_a_members_hours_on_the_hours_page(client, sprint):
    entry = HoursEntry.objects.create(
        checkin=CheckIn.objects.create(
            challenge=sprint.challenge,
            author=sprint.member,
            week=sprint.challenge.sprint_start,
            progress="x",
        ),
        challenge=sprint.challenge,
        member=sprint.member,
        week=monday(sprint.challenge.sprint_start),
        hours=Decimal(65),
        flagged=True,
    )
    client.force_login(sprint.lead)
    page = client.get(url(sprint, "heures/")).content.decode()
    assert "au-delà du plafond" in page

    response = client.post(url(sprint, "heures/"), {"entries": [entry.pk]})

    assert response.status_code == 302
    entry.refresh_from_db()
    assert entry.validated_by == sprint.lead


def test_the_staff_board_is_for_staff_only(client, sprint):
    client.force_login(sprint.member)
    assert client.get("/sprints/tableau/").status_code == 403
    client.force_login(sprint.staff)
    assert "Sobriété des mairies" in client.get("/sprints/tableau/").content.decode()


def test_the_board_shows_a_sprint_at_risk_after_a_check_in(client, sprint):
    client.force_login(sprint.staff)
    assert "À surveiller" in client.get("/sprints/tableau/").content.decode()
    client.force_login(sprint.member)
    week = monday(timezone.localdate()).isoformat()
    client.post(url(sprint, "points/"), {"week": week, "progress": "x", "confidence": "off_track"})
    client.force_login(sprint.staff)

    page = client.get("/sprints/tableau/").content.decode()

    assert "À risque" in page
    assert "L&#x27;équipe se dit en retard" in page


def test_two_indicators_cannot_take_the_same_citizen_app_figure(client, sprint):
    indicator(sprint.challenge, key="vitrines", plugin_key="confirmed_off")
    client.force_login(sprint.member)

    response = client.post(
        url(sprint, "indicateurs/"),
        {"name": "Encore", "key": "encore", "unit": "commerces", "baseline": "0",
         "baseline_date": sprint.challenge.sprint_start.isoformat(), "target": "10",
         "direction": "up", "source": "App", "measured_by": "App", "plugin_key": "confirmed_off"},
    )  # fmt: skip

    assert response.status_code == 400
    assert "reçoit déjà ce chiffre" in response.content.decode()
