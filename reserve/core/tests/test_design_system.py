import pytest
from django.apps import apps

from reserve.accounts.tests.factories import UserFactory
from reserve.core.components import STATUS_TONES

pytestmark = pytest.mark.django_db


def test_the_style_page_shows_every_component_in_both_themes(client):
    client.force_login(UserFactory(is_staff=True))

    page = client.get("/style/").content.decode()

    assert page.count('data-theme="light"') == 1
    assert page.count('data-theme="dark"') == 1
    for component in ['class="stepper"', 'class="empty"', "<svg", 'class="stack"', 'class="card']:
        assert component in page
    assert "Ce champ est obligatoire." in page
    assert 'id="clair_name_helptext"' in page


def test_the_style_page_is_for_staff_only(client):
    client.force_login(UserFactory())

    assert client.get("/style/").status_code == 403


def test_a_status_badge_says_its_status_in_words_with_an_icon(client):
    client.force_login(UserFactory(is_staff=True))

    page = client.get("/style/").content.decode()

    assert 'class="badge tone-success status-accepted"><svg' in page


def test_every_status_of_the_platform_has_a_tone():
    statuses = {
        value
        for model in apps.get_models()
        if model.__module__.startswith("reserve.")
        for field in model._meta.fields
        if field.name in {"status", "verification", "secondment", "moderation"} and field.choices
        for value, __ in field.choices
    }

    assert statuses
    assert statuses <= set(STATUS_TONES)
