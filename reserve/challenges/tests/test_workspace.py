import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile

from reserve.challenges.models import Attachment, Message
from reserve.core.models import Notification

from .pages import text

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def post(client, challenge, body="Bonjour", upload=None):
    data = {"body": body}
    if upload is not None:
        data["attachment"] = upload
    return client.post(f"/defis/{challenge.pk}/messages/", data)


def test_a_participant_posts_a_message_with_a_pdf(client, challenge, sponsor):
    client.force_login(sponsor)

    post(client, challenge, "Voici l'étude.", SimpleUploadedFile("etude.pdf", b"%PDF-1.7 ..."))

    attachment = Attachment.objects.get()
    assert attachment.name == "etude.pdf"
    page = text(client.get(challenge.get_workspace_url()))
    assert "Voici l'étude." in page
    download = client.get(f"/defis/{challenge.pk}/pieces/{attachment.pk}/")
    assert download.status_code == 200
    assert b"".join(download.streaming_content).startswith(b"%PDF")


@pytest.mark.parametrize(
    ("name", "content", "error"),
    [
        ("virus.exe", b"MZ...", "Type de fichier refusé (exe)"),
        ("faux.pdf", b"<html>", "ne correspond pas à son extension"),
        ("lourd.pdf", b"%PDF" + b"0" * (10 * 1024 * 1024), "Fichier trop lourd"),
    ],
)
def test_a_wrong_type_or_oversized_attachment_is_refused_with_a_message(
    client, challenge, sponsor, name, content, error
):
    client.force_login(sponsor)

    response = post(client, challenge, "Mon message", SimpleUploadedFile(name, content))

    assert response.status_code == 400
    assert error in text(response)
    assert "Mon message" in text(response)
    assert not Message.objects.exists()


def test_someone_outside_the_challenge_cannot_post(client, challenge, user):
    client.force_login(user)

    response = post(client, challenge)

    assert response.status_code == 404
    assert not Message.objects.exists()


def test_a_mention_notifies_the_person_in_app_and_by_email(
    client, challenge, sponsor, referent_user, run_tasks
):
    client.force_login(sponsor)

    post(client, challenge, "@Agnès pouvez-vous confirmer le chiffre ?")
    run_tasks()

    assert Notification.objects.filter(user=referent_user, text__contains="mentionné").exists()
    assert any(referent_user.email in m.to for m in mail.outbox)
    client.force_login(referent_user)
    assert "vous a mentionné" in text(client.get("/compte/notifications/"))


def test_other_attachments_stay_private(client, challenge, sponsor, user):
    client.force_login(sponsor)
    post(client, challenge, "Pièce", SimpleUploadedFile("a.csv", b"a;b\n1;2\n"))
    attachment = Attachment.objects.get()
    client.force_login(user)

    response = client.get(f"/defis/{challenge.pk}/pieces/{attachment.pk}/")

    assert response.status_code == 404
