import pytest
from django.core.management import CommandError, call_command

from reserve.accounts.models import User
from reserve.organisations.models import Organisation

pytestmark = pytest.mark.django_db


def test_it_loads_one_account_per_role_and_can_run_again(capsys):
    call_command("seed_demo")
    counts = (User.objects.count(), Organisation.objects.count())
    call_command("seed_demo")

    output = capsys.readouterr().out
    assert (User.objects.count(), Organisation.objects.count()) == counts
    assert User.objects.filter(email__endswith="@demo.lareserve.fr").count() == 6
    assert User.objects.filter(is_superuser=True).count() == 1
    assert "staff@demo.lareserve.fr" in output
    assert "mecenat@demo.lareserve.fr" in output
    assert "6 demo accounts" in output
    assert "10 demo organisations" in output


def test_a_demo_account_can_log_in(client):
    call_command("seed_demo")

    response = client.post(
        "/compte/login/", {"login": "agent@demo.lareserve.fr", "password": "demo-reserve-2026"}
    )

    assert response.status_code == 302
    assert client.session["_auth_user_id"]


def test_it_refuses_to_run_in_production(settings):
    settings.DEMO_DATA = False

    with pytest.raises(CommandError, match="public password"):
        call_command("seed_demo")
