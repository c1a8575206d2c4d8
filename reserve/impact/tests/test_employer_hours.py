import hashlib
from datetime import date

import pytest
from django.urls import reverse

from reserve.accounts.tests.factories import UserFactory
from reserve.core.models import AuditEntry
from reserve.impact.models import HourlyCost, TimeStatement
from reserve.impact.services import canonical

from .factories import delivered_challenge, employer_with_admin, hours, member, seconded

pytestmark = pytest.mark.django_db
PERIOD = {"start": "2026-01-01", "end": "2026-03-31"}


@pytest.fixture
def setting():
    employer, admin = employer_with_admin()
    challenge = delivered_challenge(title="Alerte eau")
    alice = seconded(employer, first_name="Alice", last_name="Martin")
    pending = seconded(employer, confirmed=False, first_name="Paul", last_name="Attente")
    for user in (alice, pending):
        member(challenge, user)
        hours(challenge, user, date(2026, 1, 5), "8")
    hours(challenge, alice, date(2026, 1, 12), "7.5")
    hours(challenge, alice, date(2026, 1, 19), "20", validated=False)
    return {"employer": employer, "admin": admin, "alice": alice, "challenge": challenge}


def page(client, setting):
    client.force_login(setting["admin"])
    url = reverse("impact:employer_hours", args=[setting["employer"].pk])
    return client.get(url, PERIOD).content.decode()


def test_it_lists_confirmed_employees_with_validated_hours_only(client, setting):
    content = page(client, setting)
    assert "Alice Martin" in content
    assert "Paul Attente" not in content
    assert "15,50" in content  # 8 + 7.5 validated; the 20 unvalidated hours are left out


def test_only_the_employer_admins_and_staff_see_it(client, setting):
    url = reverse("impact:employer_hours", args=[setting["employer"].pk])
    client.force_login(setting["alice"])
    assert client.get(url).status_code == 403
    client.force_login(UserFactory(is_staff=True))
    assert client.get(url).status_code == 200


def test_the_cost_is_valued_capped_and_audited(client, setting):
    client.force_login(setting["admin"])
    url = reverse("impact:set_cost", args=[setting["employer"].pk, setting["alice"].pk])
    client.post(url, {"amount": "900"})
    assert HourlyCost.objects.get().amount == 900
    assert AuditEntry.objects.filter(action="impact.hourly_cost").exists()
    content = page(client, setting)
    assert "13\xa0950,00" in content  # 15.5 h × 900 €
    assert "12\xa0015,00" in content  # three ceilings of January 2026
    assert "plafonné" in content


def test_a_cost_out_of_range_is_refused_with_the_field_named(client, setting):
    client.force_login(setting["admin"])
    url = reverse("impact:set_cost", args=[setting["employer"].pk, setting["alice"].pk])
    response = client.post(url, {"amount": "-3"}, follow=True)
    assert "Coût horaire :" in response.content.decode()
    assert not HourlyCost.objects.exists()


def test_a_cost_for_someone_not_confirmed_is_refused(client, setting):
    client.force_login(setting["admin"])
    stranger = UserFactory()
    url = reverse("impact:set_cost", args=[setting["employer"].pk, stranger.pk])
    assert client.post(url, {"amount": "50"}).status_code == 403


def issue(client, setting, **period):
    client.force_login(setting["admin"])
    data = {
        "employee": setting["alice"].pk,
        "beneficiary": setting["challenge"].organisation_id,
        **PERIOD,
        **period,
    }
    return client.post(reverse("impact:issue_statement", args=[setting["employer"].pk]), data)


def test_a_statement_is_a_pdf_with_a_verifiable_hash(client, setting):
    response = issue(client, setting)
    statement = TimeStatement.objects.get()
    assert statement.hours == 15.5
    assert statement.digest == hashlib.sha256(canonical(statement)).hexdigest()
    pdf = client.get(response.url)
    assert pdf["Content-Type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF")
    client.logout()
    verification = client.get(reverse("impact:verify", args=[statement.token])).content.decode()
    assert statement.digest in verification
    assert "cerfa n° 16216" in verification
    assert AuditEntry.objects.filter(action="impact.statement_issued").exists()


def test_a_statement_for_a_period_without_hours_says_so(client, setting):
    response = issue(client, setting, start="2025-01-01", end="2025-02-01")
    assert response.status_code == 400
    assert "Aucune heure validée" in response.content.decode()
    assert not TimeStatement.objects.exists()


def test_a_statement_pdf_is_not_for_others(client, setting):
    issue(client, setting)
    client.force_login(UserFactory())
    token = TimeStatement.objects.get().token
    assert client.get(reverse("impact:statement_pdf", args=[token])).status_code == 403


def test_the_csv_export_carries_the_employers_own_figures(client, setting):
    client.force_login(setting["admin"])
    HourlyCost.objects.create(employer=setting["employer"], employee=setting["alice"], amount=42)
    url = reverse("impact:employer_csv", args=[setting["employer"].pk])
    content = client.get(url, PERIOD).content.decode()
    assert "Alice Martin,Alerte eau" in content
    assert ",15.50,42.00" in content
    assert "Paul" not in content


def test_costs_never_reach_public_data(client, setting):
    HourlyCost.objects.create(employer=setting["employer"], employee=setting["alice"], amount=42)
    assert "42" not in client.get("/api/impact").content.decode().replace("hour_value", "")
    assert "42.0" not in client.get(reverse("impact:open_data_csv")).content.decode()
