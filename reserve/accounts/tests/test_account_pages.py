import json

import pytest
from django.core import mail
from django.core.mail import send_mail

from reserve.accounts.models import User
from reserve.core.models import AuditEntry, OutboxMessage
from reserve.organisations.tests.factories import MembershipFactory

pytestmark = pytest.mark.django_db


def test_the_dashboard_requires_login(client):
    response = client.get("/compte/")

    assert response.status_code == 302
    assert response["Location"].startswith("/compte/login/")


def test_the_dashboard_greets_and_lists_organisations(client, user):
    MembershipFactory(user=user, organisation__name="Mairie de Pessac")
    client.force_login(user)

    page = client.get("/compte/").content.decode()

    assert "Bonjour Camille" in page
    assert "Mairie de Pessac" in page
    assert "Membre d&#x27;une organisation" in page


def test_it_edits_the_profile_and_audits_the_change(client, user):
    client.force_login(user)

    response = client.post(
        "/compte/profil/",
        {
            "first_name": "Léa",
            "last_name": "Roux",
            "phone": "06 12 34 56 78",
            "receive_optional_emails": "on",
        },
    )

    user.refresh_from_db()
    assert response.status_code == 302
    assert (user.first_name, user.phone, user.is_reservist) == ("Léa", "06 12 34 56 78", False)
    entry = AuditEntry.objects.get(action="account.profile_updated")
    assert entry.actor == user
    assert entry.data == {"fields": ["first_name", "last_name", "phone"]}


def test_a_wrong_phone_number_is_explained_next_to_the_field(client, user):
    client.force_login(user)

    response = client.post(
        "/compte/profil/", {"first_name": "Léa", "last_name": "Roux", "phone": "appelez-moi"}
    )

    page = response.content.decode()
    assert response.status_code == 200
    assert "Saisissez un numéro de téléphone" in page
    assert 'value="Léa"' in page


def test_the_data_download_contains_everything_about_me(client, user):
    MembershipFactory(user=user, organisation__name="Mairie de Pessac")
    client.force_login(user)

    response = client.post("/compte/mes-donnees/")

    disposition = response["Content-Disposition"]
    assert disposition.startswith('attachment; filename="la-reserve-mes-donnees-')
    data = json.loads(response.content)
    assert data["accounts"]["account"]["email"] == user.email
    assert data["accounts"]["email_addresses"][0]["verified"] is True
    assert data["organisations"]["memberships"][0]["organisation"] == "Mairie de Pessac"
    assert "password" not in json.dumps(data)


def test_opening_the_data_download_address_shows_the_button(client, user):
    client.force_login(user)

    response = client.get("/compte/mes-donnees/")

    page = response.content.decode()
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    assert '<form method="post"' in page
    assert "Télécharger toutes mes données" in page
    assert not AuditEntry.objects.filter(action="account.data_exported").exists()


def test_deleting_the_account_needs_the_email_typed(client, user):
    client.force_login(user)

    response = client.post("/compte/supprimer/", {"confirm_email": "autre@exemple.fr"})

    assert "Cette adresse ne correspond pas" in response.content.decode()
    assert User.objects.filter(pk=user.pk).exists()


def test_deleting_the_account_removes_data_and_anonymises_the_audit(client, user, run_tasks):
    MembershipFactory(user=user)
    client.force_login(user)
    client.post("/compte/profil/", {"first_name": "Léa", "last_name": "Roux"})
    send_mail("Rappel", "Bonjour", None, [user.email])
    send_mail("Autre", "Bonjour", None, ["quelquun@exemple.fr"])

    response = client.post("/compte/supprimer/", {"confirm_email": user.email.upper()}, follow=True)

    assert "Votre compte et vos données ont été supprimés" in response.content.decode()
    assert not User.objects.filter(pk=user.pk).exists()
    assert "_auth_user_id" not in client.session
    assert [m.subject for m in OutboxMessage.objects.all()] == ["Autre"]
    kept = AuditEntry.objects.get(action="account.profile_updated")
    assert (kept.actor, kept.target_repr) == (None, "")
    assert AuditEntry.objects.filter(action="account.deleted", data={"user_id": user.pk}).exists()
    assert mail.outbox == []


def test_the_profile_explains_and_saves_the_choice_about_non_essential_emails(client, user):
    client.force_login(user)

    page = client.get("/compte/profil/").content.decode()
    assert "Recevoir les e-mails non essentiels : rappels, nouvelles des défis" in page
    assert "Les invitations et les e-mails de sécurité ou de compte" in page
    assert user.receive_optional_emails is True

    client.post("/compte/profil/", {"first_name": "Léa", "last_name": "Roux", "phone": ""})

    user.refresh_from_db()
    assert user.receive_optional_emails is False
    entry = AuditEntry.objects.get(action="account.profile_updated")
    assert "receive_optional_emails" in entry.data["fields"]
