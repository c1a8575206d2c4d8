import pytest
from allauth.account.models import EmailAddress
from django.core import mail

from reserve.accounts.tests.factories import UserFactory
from reserve.challenges import services
from reserve.challenges.models import QualificationScore, Status

from .factories import ChallengeFactory, ReferentFactory
from .pages import text

pytestmark = pytest.mark.django_db


@pytest.fixture
def in_qualification(challenge):
    challenge.status = Status.IN_QUALIFICATION
    challenge.save()
    return challenge


def test_an_invited_referent_joins_the_qualification_through_the_emailed_link(
    client, challenge, sponsor, run_tasks
):
    ReferentFactory(challenge=challenge, email="agnes@gironde.gouv.fr")
    services.transition(sponsor, challenge, "submit")
    run_tasks()
    body = next(m for m in mail.outbox if m.to == ["agnes@gironde.gouv.fr"]).body
    link = next(word for word in body.split() if "/defis/invitation/" in word)
    path = link.split("testserver")[-1].replace("http://127.0.0.1:8000", "")
    agnes = UserFactory(email="agnes@gironde.gouv.fr")

    assert client.get(path).status_code == 302  # log in (or sign up) first
    client.force_login(agnes)
    assert "Participer à la qualification" in text(client.get(path))
    client.post(path)

    assert challenge.referents.get().user == agnes
    assert client.get(challenge.get_workspace_url()).status_code == 200


def test_a_tampered_invitation_link_is_refused(client, user):
    client.force_login(user)

    response = client.get("/defis/invitation/abc:def/")

    assert response.status_code == 400
    assert "n'est pas valide" in text(response)


def test_an_invitation_accepted_by_someone_else_cannot_be_reused(client, challenge, user):
    referent = ReferentFactory(challenge=challenge, user=UserFactory())
    client.force_login(user)

    response = client.post(f"/defis/invitation/{services.invitation_token(referent)}/")

    assert response.status_code == 400
    assert referent.challenge.referents.get().user != user


def test_a_referent_scores_the_grid_with_comments(client, in_qualification, referent_user):
    client.force_login(referent_user)

    client.post(
        f"/defis/{in_qualification.pk}/qualification/",
        {"blind_spot_score": "3", "blind_spot_comment": "Personne ne le fait.",
         "eu_hosting_score": "1"},
    )  # fmt: skip

    scores = dict(QualificationScore.objects.values_list("criterion", "score"))
    assert scores == {"blind_spot": 3, "eu_hosting": 1}
    page = text(client.get(f"/defis/{in_qualification.pk}/qualification/"))
    assert "Personne ne le fait." in page


def test_a_comment_without_a_score_is_refused_next_to_the_field(client, in_qualification, staff):
    client.force_login(staff)

    response = client.post(
        f"/defis/{in_qualification.pk}/qualification/", {"neutrality_comment": "À voir."}
    )

    assert response.status_code == 400
    assert "Notez ce critère avant de le commenter." in text(response)
    assert "À voir." in text(response)


def test_staff_flag_an_impact_assessment(client, in_qualification, staff):
    client.force_login(staff)

    client.post(
        f"/defis/{in_qualification.pk}/qualification/",
        {"sensitive_data_score": "1", "impact_assessment_needed": "on"},
    )

    in_qualification.refresh_from_db()
    assert in_qualification.impact_assessment_needed
    page = text(client.get(in_qualification.get_workspace_url()))
    assert "Analyse d'impact (AIPD) nécessaire" in page


def test_staff_define_the_team_then_decide_go(client, in_qualification, staff):
    client.force_login(staff)
    client.post(
        f"/defis/{in_qualification.pk}/equipe/",
        {
            "sprint_start": "2026-12-01",
            "slots-TOTAL_FORMS": "1", "slots-INITIAL_FORMS": "0",
            "slots-0-skill": "tech.backend", "slots-0-level": "confident", "slots-0-count": "2",
            "slots-0-hours_per_week": "8", "slots-0-location": "remote",
        },
    )  # fmt: skip

    client.post(
        f"/defis/{in_qualification.pk}/decision/",
        {"decision": "go", "rationale": "Besoin réel, faisable en un mois."},
    )

    in_qualification.refresh_from_db()
    assert in_qualification.status == Status.QUALIFIED
    assert str(in_qualification.sprint_end) == "2026-12-30"
    assert in_qualification.slots.get().count == 2


def test_an_on_site_role_needs_a_departement(client, in_qualification, staff):
    client.force_login(staff)

    response = client.post(
        f"/defis/{in_qualification.pk}/equipe/",
        {
            "sprint_start": "2026-12-01",
            "slots-TOTAL_FORMS": "1", "slots-INITIAL_FORMS": "0",
            "slots-0-skill": "tech.backend", "slots-0-level": "confident", "slots-0-count": "1",
            "slots-0-hours_per_week": "8", "slots-0-location": "on_site",
        },
    )  # fmt: skip

    assert response.status_code == 400
    assert "Un rôle sur place a besoin d'un département." in text(response)


def test_a_go_without_roles_is_refused_with_the_reason_shown(client, in_qualification, staff):
    client.force_login(staff)

    response = client.post(
        f"/defis/{in_qualification.pk}/decision/", {"decision": "go", "rationale": "Oui."}
    )

    assert response.status_code == 400
    assert "au moins un rôle recherché" in text(response)


def test_overdue_qualifications_are_flagged(client, staff):
    from datetime import timedelta

    from django.utils import timezone

    late = ChallengeFactory(
        status=Status.SUBMITTED, qualification_due=timezone.now() - timedelta(days=1)
    )
    client.force_login(staff)

    page = text(client.get(late.get_workspace_url()))

    assert "Qualification en retard" in page


def test_an_invitation_opened_by_another_account_explains_and_offers_to_switch(client, challenge):
    referent = ReferentFactory(challenge=challenge, email="agnes@gironde.gouv.fr")
    path = f"/defis/invitation/{services.invitation_token(referent)}/"
    client.force_login(UserFactory(email="bruno@example.org"))

    page = client.get(path)
    client.post(path)

    assert page.status_code == 403
    assert "adressée à quelqu'un d'autre" in text(page)
    assert "a•••@gironde.gouv.fr" in text(page)
    assert 'action="/compte/logout/"' in page.text
    assert f'value="/compte/login/?next={path.replace(":", "%3A")}"' in page.text
    referent.refresh_from_db()
    assert referent.user is None


def test_the_invited_address_is_recognised_whatever_its_case(client, challenge):
    referent = ReferentFactory(challenge=challenge, email="agnes@gironde.gouv.fr")
    agnes = UserFactory(email="Agnes@Gironde.gouv.fr")
    client.force_login(agnes)

    client.post(f"/defis/invitation/{services.invitation_token(referent)}/")

    referent.refresh_from_db()
    assert referent.user == agnes


def test_a_confirmed_second_address_of_the_account_may_accept(client, challenge):
    referent = ReferentFactory(challenge=challenge, email="agnes@gironde.gouv.fr")
    agnes = UserFactory(email="agnes.perso@example.org")
    EmailAddress.objects.create(user=agnes, email="agnes@gironde.gouv.fr", verified=False)
    client.force_login(agnes)
    path = f"/defis/invitation/{services.invitation_token(referent)}/"

    assert client.post(path).status_code == 403
    EmailAddress.objects.filter(user=agnes).update(verified=True)
    client.post(path)

    referent.refresh_from_db()
    assert referent.user == agnes
