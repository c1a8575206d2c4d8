import pytest
from django.core import mail

from reserve.accounts.tests.factories import UserFactory
from reserve.core.models import Notification, OutboxMessage
from reserve.core.notify import email, mark_read, tell, unread_count

pytestmark = pytest.mark.django_db

TEMPLATE = "tests/email/note"


@pytest.fixture(autouse=True)
def note_templates(settings):
    """A message of this test's own: `tell` and `email` render whatever templates they are given."""
    engine = dict(settings.TEMPLATES[0], APP_DIRS=False)
    engine["OPTIONS"] = dict(engine["OPTIONS"])
    engine["OPTIONS"]["loaders"] = [
        (
            "django.template.loaders.locmem.Loader",
            {
                f"{TEMPLATE}_subject.txt": "{% autoescape off %}{{ text }}{% endautoescape %}",
                f"{TEMPLATE}.txt": "{% autoescape off %}{{ text }}\n{{ link }}{% endautoescape %}",
            },
        ),
        "django.template.loaders.filesystem.Loader",
        "django.template.loaders.app_directories.Loader",
    ]
    settings.TEMPLATES = [engine]


def test_a_non_essential_email_respects_the_persons_choice_but_the_app_still_tells_them():
    quiet = UserFactory(receive_optional_emails=False)
    keen = UserFactory()

    tell([quiet, keen], TEMPLATE, {"text": "Rappel"}, url="/x/", essential=False)

    assert OutboxMessage.objects.get().recipients_list == [keen.email]
    assert Notification.objects.filter(user=quiet).exists()


def test_an_essential_email_is_sent_even_to_people_who_turned_the_others_off():
    quiet = UserFactory(receive_optional_emails=False)

    tell([quiet], TEMPLATE, {"text": "Invitation"}, url="/x/", essential=True)

    assert OutboxMessage.objects.get().recipients_list == [quiet.email]


def test_the_unread_count_is_cached_and_forgotten_when_it_changes(django_assert_num_queries):
    person = UserFactory()
    tell([person], TEMPLATE, {"text": "Un"}, url="/1/", email=False)
    assert unread_count(person) == 1
    with django_assert_num_queries(0):
        assert unread_count(person) == 1

    tell([person], TEMPLATE, {"text": "Deux"}, url="/2/", email=False)
    assert unread_count(person) == 2

    assert mark_read(person) == 2
    assert unread_count(person) == 0


def test_the_header_shows_the_unread_count_and_the_page_marks_them_read(client):
    person = UserFactory()
    tell(
        [person, person],
        TEMPLATE,
        {"text": "Vous êtes invité(e)"},
        url="/equipes/invitations/1/",
        email=False,
    )
    client.force_login(person)

    home = client.get("/").content.decode()
    assert '1<span class="visually-hidden"> non lue</span>' in home

    page = client.get("/compte/notifications/").content.decode()
    assert "Vous êtes invité(e)" in page
    assert 'href="/equipes/invitations/1/"' in page
    assert "nouveau" in page
    assert not Notification.objects.filter(user=person, read_at__isnull=True).exists()
    assert "non lue" not in client.get("/").content.decode()


def test_the_notifications_page_needs_an_account(client):
    response = client.get("/compte/notifications/")

    assert response.status_code == 302


def test_people_see_only_their_own_notifications(client):
    mine, theirs = UserFactory(), UserFactory()
    tell([theirs], TEMPLATE, {"text": "Pour quelqu'un d'autre"}, url="/x/", email=False)
    client.force_login(mine)

    assert "Pour quelqu&#x27;un d&#x27;autre" not in client.get("/compte/notifications/").text


def test_notifications_are_part_of_the_personal_data_export(client):
    person = UserFactory()
    tell(
        [person],
        TEMPLATE,
        {"text": "Bienvenue dans l'équipe"},
        url="/equipes/defi/1/espace/",
        kind="teams.test",
        email=False,
    )
    client.force_login(person)

    data = client.post("/compte/mes-donnees/").json()

    assert data["core"]["notifications"][0]["text"] == "Bienvenue dans l'équipe"
    assert data["core"]["notifications"][0]["kind"] == "teams.test"
    assert data["accounts"]["account"]["receive_optional_emails"] is True


def test_tell_renders_the_templates_once_per_person_with_the_link(run_tasks, note_templates):
    lea, paul = UserFactory(), UserFactory()

    tell([lea, paul, lea], TEMPLATE, {"text": "Nouvelle étape"}, url="/defis/1/", kind="c.test")
    run_tasks()

    notification = Notification.objects.get(user=lea)
    assert (notification.text, notification.url, notification.kind) == (
        "Nouvelle étape",
        "/defis/1/",
        "c.test",
    )
    assert sorted(m.to[0] for m in mail.outbox) == sorted([lea.email, paul.email])
    assert mail.outbox[0].subject == "Nouvelle étape"
    assert "http://127.0.0.1:8000/defis/1/" in mail.outbox[0].body


def test_tell_without_email_only_uses_the_app(note_templates):
    person = UserFactory()

    tell([person], TEMPLATE, {"text": "Un lien"}, url="/x/", email=False)

    assert Notification.objects.filter(user=person).exists()
    assert not OutboxMessage.objects.exists()


def test_email_to_addresses_dedupes_and_respects_an_accounts_choice(run_tasks, note_templates):
    UserFactory(email="calme@example.org", receive_optional_emails=False)

    sent = email(
        ["a@example.org", "A@example.org", "CALME@example.org", ""],
        TEMPLATE,
        {"text": "Repassez voir le commerce"},
        essential=False,
    )
    run_tasks()

    assert sent == 1
    assert [m.to for m in mail.outbox] == [["a@example.org"]]
    assert mail.outbox[0].subject == "Repassez voir le commerce"
