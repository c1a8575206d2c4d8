"""Every login has limits: the admin is entered through the site's login, and a lockout after
failed passwords leaves the owner a way back in (a code by e-mail, a password reset)."""

import re

import pytest
from django.core import mail

from reserve.accounts.tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


def test_the_admin_sends_visitors_to_the_site_login(client):
    response = client.get("/admin/", follow=True)

    assert response.redirect_chain[-1][0] == "/compte/login/?next=/admin/"


def test_the_admin_login_form_accepts_no_password(client):
    admin = UserFactory(is_staff=True, is_superuser=True)

    response = client.post("/admin/login/", {"username": admin.email, "password": PASSWORD})

    assert response.status_code == 302
    assert response["Location"].startswith("/compte/login/")
    assert "_auth_user_id" not in client.session


def test_staff_logged_in_on_the_site_reach_the_admin(client):
    admin = UserFactory(is_staff=True, is_superuser=True)
    client.post("/compte/login/", {"login": admin.email, "password": PASSWORD})

    response = client.get("/admin/login/?next=/admin/core/outboxmessage/", follow=True)

    assert response.redirect_chain[-1][0] == "/admin/core/outboxmessage/"
    assert response.status_code == 200


def test_a_logged_in_volunteer_is_refused_the_admin(client):
    client.force_login(UserFactory())

    response = client.get("/admin/login/?next=/admin/")

    assert response.status_code == 403
    assert "L&#x27;administration est réservée" in response.content.decode()


def test_the_admin_is_locked_like_the_site_after_failed_passwords(client):
    staff = UserFactory(is_staff=True)
    for _ in range(5):
        client.post("/compte/login/", {"login": staff.email, "password": "faux"})

    response = client.post(
        "/compte/login/?next=/admin/", {"login": staff.email, "password": PASSWORD}
    )

    assert "Trop de tentatives de connexion" in response.content.decode()
    assert client.get("/admin/").status_code == 302


def locked_out(client, user):
    for _ in range(6):
        client.post("/compte/login/", {"login": user.email, "password": "faux"})
    response = client.post("/compte/login/", {"login": user.email, "password": PASSWORD})
    assert "Trop de tentatives de connexion" in response.content.decode()
    return response


def test_a_locked_out_owner_is_shown_the_ways_back_in(client, user):
    page = locked_out(client, user).content.decode()

    assert "/compte/login/code/" in page
    assert "/compte/password/reset/" in page


def test_a_locked_out_owner_gets_in_with_a_code_by_e_mail(client, user, run_tasks):
    locked_out(client, user)

    client.post("/compte/login/code/", {"email": user.email})
    run_tasks()
    code = re.search(r"\b[A-Z0-9]{4}-[A-Z0-9]{4}\b", mail.outbox[-1].body).group()
    client.post("/compte/login/code/confirm/", {"code": code})

    assert client.session["_auth_user_id"] == str(user.pk)


def test_a_locked_out_owner_can_reset_the_password(client, user, run_tasks):
    locked_out(client, user)

    response = client.post("/compte/password/reset/", {"email": user.email})
    run_tasks()

    assert response.status_code == 302
    assert "/compte/password/reset/key/" in mail.outbox[-1].body
