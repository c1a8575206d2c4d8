import re

import pytest
from django.core import mail

from reserve.accounts.models import User
from reserve.accounts.tests.factories import PASSWORD

pytestmark = pytest.mark.django_db

SIGNUP = {
    "first_name": "Camille",
    "last_name": "Durand",
    "email": "camille@exemple.fr",
    "password1": "un-mot-de-passe-solide",
    "password2": "un-mot-de-passe-solide",
    "is_reservist": "on",
    "accept_terms": "on",
}


def test_it_signs_up_and_sends_a_verification_email(client, run_tasks):
    response = client.post("/compte/signup/", SIGNUP)
    run_tasks()

    assert response.status_code == 302
    user = User.objects.get(email="camille@exemple.fr")
    assert (user.first_name, user.is_reservist) == ("Camille", True)
    assert len(mail.outbox) == 1
    assert "/compte/confirm-email/" in mail.outbox[0].body


def test_the_verification_link_logs_the_person_in(client, run_tasks):
    client.post("/compte/signup/", SIGNUP)
    run_tasks()
    link = re.search(r"https?://[^/]+(/compte/confirm-email/\S+)", mail.outbox[0].body)[1]

    response = client.post(link, follow=True)

    assert response.redirect_chain[-1][0] == "/compte/"
    assert "Bonjour Camille" in response.content.decode()


def test_an_unverified_account_cannot_log_in(client):
    client.post("/compte/signup/", SIGNUP)
    client.logout()

    response = client.post(
        "/compte/login/", {"login": SIGNUP["email"], "password": SIGNUP["password1"]}
    )

    assert response.status_code == 302
    assert response["Location"] == "/compte/confirm-email/"


def test_terms_must_be_accepted_and_typed_values_are_kept(client):
    response = client.post("/compte/signup/", {**SIGNUP, "accept_terms": ""})

    page = response.content.decode()
    assert response.status_code == 200
    assert "Ce champ est obligatoire." in page
    assert 'value="Camille"' in page
    assert not User.objects.exists()


def test_a_script_in_the_name_is_escaped(client):
    client.post("/compte/signup/", {**SIGNUP, "first_name": "<script>alert(1)</script>"})

    page = client.get("/compte/signup/").content.decode()
    assert "<script>alert(1)</script>" not in page
    assert User.objects.get().first_name == "<script>alert(1)</script>"


def test_signing_up_twice_with_the_same_email_creates_one_account(client, run_tasks):
    client.post("/compte/signup/", SIGNUP)
    client.logout()
    client.post("/compte/signup/", {**SIGNUP, "email": "CAMILLE@exemple.fr"})

    assert User.objects.count() == 1


def test_login_by_code_sends_a_code(client, user, run_tasks):
    response = client.post("/compte/login/code/", {"email": user.email})
    run_tasks()

    assert response.status_code == 302
    assert re.search(r"\b[A-Z0-9]{4}-[A-Z0-9]{4}\b", mail.outbox[-1].body)


def test_password_reset_sends_a_link(client, user, run_tasks):
    client.post("/compte/password/reset/", {"email": user.email})
    run_tasks()

    assert "/compte/password/reset/key/" in mail.outbox[-1].body


def test_repeated_failed_logins_lock_the_account_for_a_while(client, user):
    for _ in range(5):
        client.post("/compte/login/", {"login": user.email, "password": "faux"})

    response = client.post("/compte/login/", {"login": user.email, "password": PASSWORD})

    assert "Trop de tentatives de connexion" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_the_signup_form_is_rate_limited_per_ip(client):
    statuses = [client.post("/compte/signup/", {}).status_code for _ in range(21)]

    assert statuses[0] == 200
    assert statuses[-1] == 429
