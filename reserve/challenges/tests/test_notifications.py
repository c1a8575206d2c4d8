"""Which challenge e-mails are essential: decisions with their reason are; news and mentions are
not, and people who turned those off still see them in the app."""

import pytest
from django.core import mail

from reserve.challenges import services
from reserve.challenges.models import Decision
from reserve.core.models import Notification

pytestmark = pytest.mark.django_db


def emails_to(person) -> list:
    return [m for m in mail.outbox if person.email in m.to]


def test_news_of_a_challenge_is_not_emailed_to_who_turned_it_off_but_stays_in_the_app(
    challenge, sponsor, staff, run_tasks
):
    sponsor.receive_optional_emails = False
    sponsor.save()
    challenge = services.transition(sponsor, challenge, "submit")
    run_tasks()
    mail.outbox.clear()

    challenge = services.transition(staff, challenge, "start_qualification")
    run_tasks()

    assert emails_to(sponsor) == []
    assert Notification.objects.filter(user=sponsor, kind="challenges.start_qualification").exists()


def test_a_decision_is_essential_and_always_emailed(challenge, sponsor, staff, run_tasks):
    sponsor.receive_optional_emails = False
    sponsor.save()
    challenge = services.transition(sponsor, challenge, "submit")
    challenge = services.transition(staff, challenge, "start_qualification")
    run_tasks()
    mail.outbox.clear()

    services.decide_challenge(staff, challenge, Decision.NO_GO, "Hors du champ du programme.")
    run_tasks()

    assert len(emails_to(sponsor)) == 1


def test_a_mention_is_not_emailed_to_who_turned_it_off(
    client, challenge, sponsor, referent_user, run_tasks
):
    referent_user.receive_optional_emails = False
    referent_user.save()

    services.post_message(sponsor, challenge, "@Agnès pouvez-vous confirmer ?")
    run_tasks()

    assert emails_to(referent_user) == []
    assert Notification.objects.filter(user=referent_user, kind="challenges.mention").exists()
