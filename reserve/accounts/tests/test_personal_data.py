import json

import pytest
from django.apps import apps
from django.core.mail import send_mail
from django.utils import timezone

from reserve.accounts.checks import check_personal_data_coverage
from reserve.challenges.tests.factories import RoleSlotFactory
from reserve.teams.models import Invitation

pytestmark = pytest.mark.django_db


def test_every_model_with_personal_data_is_declared_today():
    assert check_personal_data_coverage() == []


def test_the_check_names_a_model_no_app_covers(monkeypatch):
    teams = apps.get_app_config("teams")
    monkeypatch.setattr(teams, "personal_data_models", ["teams.Proposal", "teams.TeamLink"])

    errors = check_personal_data_coverage()

    assert [(e.id, e.obj._meta.label) for e in errors] == [("accounts.E001", "teams.Invitation")]


def test_an_exemption_with_its_reason_satisfies_the_check(monkeypatch):
    teams = apps.get_app_config("teams")
    monkeypatch.setattr(teams, "personal_data_models", ["teams.Proposal", "teams.TeamLink"])
    monkeypatch.setattr(teams, "personal_data_exempt", {"teams.Invitation": "test"}, raising=False)

    assert check_personal_data_coverage() == []


def test_the_download_holds_invitations_reports_and_emails_sent(client, user):
    from reserve.apps.lightsoff.models import Report
    from reserve.apps.lightsoff.tests.factories import ShopFactory

    slot = RoleSlotFactory(challenge__title="Cartes des fontaines")
    Invitation.objects.create(slot=slot, user=user, deadline=timezone.now())
    Report.objects.create(
        shop=ShopFactory(name="Chez Paul"),
        element="vitrine",
        seen_at=timezone.now(),
        verdict="violation",
        rule_reference="R. 583-4",
        email=user.email.upper(),
        comment="Tout est allumé",
    )
    send_mail("Votre invitation", "Bonjour", None, [user.email])
    send_mail("Pour quelqu'un d'autre", "Bonjour", None, ["autre@exemple.fr"])
    client.force_login(user)

    data = json.loads(client.post("/compte/mes-donnees/").content)

    assert [i["challenge"] for i in data["teams"]["invitations"]] == ["Cartes des fontaines"]
    reports = data["lightsoff"]["lightsoff"]["reports"]
    assert [(r["shop"], r["comment"]) for r in reports] == [("Chez Paul", "Tout est allumé")]
    assert [m["subject"] for m in data["core"]["emails_sent_to_you"]] == ["Votre invitation"]
