"""The team space's links and the challenge's private thread, seen and used by the team."""

from datetime import date

import pytest
from django.urls import reverse

from reserve.accounts.tests.factories import UserFactory
from reserve.challenges import services as challenge_services
from reserve.challenges.models import Application, ApplicationStatus, Message, Status
from reserve.challenges.tests.factories import ChallengeFactory, ReferentFactory, RoleSlotFactory
from reserve.core.models import AuditEntry
from reserve.organisations.tests.factories import MembershipFactory, OrganisationFactory
from reserve.reservists.tests.factories import ProfileFactory
from reserve.teams import permissions
from reserve.teams.models import TeamLink

pytestmark = pytest.mark.django_db


@pytest.fixture
def sponsor(db):
    return MembershipFactory(organisation=OrganisationFactory(name="DDT de la Gironde")).user


@pytest.fixture
def challenge(sponsor):
    challenge = ChallengeFactory(
        title="Sobriété des mairies",
        organisation=sponsor.memberships.get().organisation,
        status=Status.TEAM_FORMING,
        sprint_start=date(2026, 3, 16),
        sprint_end=date(2026, 4, 14),
    )
    RoleSlotFactory(challenge=challenge, skill="tech.backend", count=2)
    return challenge


@pytest.fixture
def member(challenge):
    user = ProfileFactory(user__first_name="Inès", user__last_name="Martin").user
    Application.objects.create(
        slot=challenge.slots.get(), user=user, status=ApplicationStatus.ACCEPTED
    )
    return user


def add(client, challenge, label="Dépôt de code", url="https://forge.example.org/sobriete"):
    return client.post(reverse("teams:add_link", args=[challenge.pk]), {"label": label, "url": url})


def space_page(client, challenge):
    return client.get(reverse("teams:space", args=[challenge.pk]))


def test_a_member_adds_a_link_that_the_team_then_sees(client, challenge, member):
    client.force_login(member)

    response = add(client, challenge)

    assert response.status_code == 302
    link = TeamLink.objects.get()
    assert (link.label, link.added_by) == ("Dépôt de code", member)
    page = space_page(client, challenge).text
    assert 'href="https://forge.example.org/sobriete"' in page
    assert "Dépôt de code" in page
    assert AuditEntry.objects.filter(action="teams.link_added", actor=member).exists()


def test_a_javascript_address_is_refused_next_to_the_field(client, challenge, member):
    client.force_login(member)

    response = add(client, challenge, label="Piège", url="javascript:alert(document.cookie)")

    assert response.status_code == 400
    assert "commençant par https:// ou http://" in response.text
    assert 'aria-invalid="true"' in response.text
    assert not TeamLink.objects.exists()


@pytest.mark.parametrize(
    "url", ["ftp://files.example.org/docs", "data:text/html,<b>x</b>", "vbscript:msgbox(1)"]
)
def test_only_web_addresses_are_accepted(client, challenge, member, url):
    client.force_login(member)

    assert add(client, challenge, url=url).status_code == 400
    assert not TeamLink.objects.exists()


def test_someone_outside_the_team_can_neither_see_nor_add_links(client, challenge, member, user):
    TeamLink.objects.create(challenge=challenge, label="Messagerie", url="https://chat.example.org")
    client.force_login(user)

    assert space_page(client, challenge).status_code == 404
    assert add(client, challenge).status_code == 404
    link = TeamLink.objects.get()
    remove = reverse("teams:remove_link", args=[challenge.pk, link.pk])
    assert client.post(remove).status_code == 404
    assert TeamLink.objects.count() == 1


def test_a_referent_sees_the_space_but_does_not_manage_its_links(client, challenge, member):
    agent = UserFactory()
    ReferentFactory(challenge=challenge, user=agent, email=agent.email)
    link = TeamLink.objects.create(
        challenge=challenge, label="Docs", url="https://docs.example.org"
    )
    client.force_login(agent)

    page = space_page(client, challenge)
    assert page.status_code == 200
    assert "Ajouter un lien" not in page.text
    assert add(client, challenge).status_code == 403
    remove = reverse("teams:remove_link", args=[challenge.pk, link.pk])
    assert client.post(remove).status_code == 403
    assert TeamLink.objects.count() == 1


def test_the_sponsor_and_staff_manage_the_links(client, challenge, sponsor, staff):
    client.force_login(sponsor)
    assert add(client, challenge, label="Documents").status_code == 302

    link = TeamLink.objects.get()
    client.force_login(staff)
    response = client.post(reverse("teams:remove_link", args=[challenge.pk, link.pk]))

    assert response.status_code == 302
    assert not TeamLink.objects.exists()
    assert AuditEntry.objects.filter(action="teams.link_removed", actor=staff).exists()


def test_a_link_of_another_challenge_cannot_be_removed_through_this_one(client, challenge, member):
    other = ChallengeFactory(status=Status.TEAM_FORMING)
    link = TeamLink.objects.create(challenge=other, label="Docs", url="https://docs.example.org")
    client.force_login(member)

    response = client.post(reverse("teams:remove_link", args=[challenge.pk, link.pk]))

    assert response.status_code == 404
    assert TeamLink.objects.filter(pk=link.pk).exists()


def test_the_permission_functions(challenge, member, sponsor, staff, user):
    assert permissions.can_manage_links(member, challenge)
    assert permissions.can_manage_links(sponsor, challenge)
    assert permissions.can_manage_links(staff, challenge)
    assert not permissions.can_manage_links(user, challenge)
    assert not permissions.can_see(user, challenge)


def test_a_team_member_reads_and_writes_in_the_private_thread(client, challenge, member, sponsor):
    challenge_services.post_message(sponsor, challenge, "Bienvenue dans le défi !")
    client.force_login(member)

    workspace = client.get(challenge.get_workspace_url())
    assert workspace.status_code == 200
    assert "Bienvenue dans le défi !" in workspace.text

    response = client.post(
        reverse("challenges:post_message", args=[challenge.pk]), {"body": "Merci, je démarre."}
    )

    assert response.status_code == 302
    assert Message.objects.filter(author=member, body="Merci, je démarre.").exists()


def test_a_declined_or_pending_volunteer_stays_out_of_the_thread(client, challenge, member):
    volunteer = ProfileFactory().user
    Application.objects.create(slot=challenge.slots.get(), user=volunteer)
    client.force_login(volunteer)

    assert client.get(challenge.get_workspace_url()).status_code in (403, 404)
    response = client.post(
        reverse("challenges:post_message", args=[challenge.pk]), {"body": "Je peux écrire ?"}
    )
    assert response.status_code in (403, 404)
    assert not Message.objects.exists()


def test_the_team_space_shows_the_latest_messages_and_leads_to_the_whole_thread(
    client, challenge, member, sponsor
):
    for n in range(7):
        challenge_services.post_message(sponsor, challenge, f"Message numéro {n}")
    client.force_login(member)

    page = space_page(client, challenge).text

    assert "Message numéro 6" in page
    assert "Message numéro 1" not in page
    assert f'href="{challenge.get_workspace_url()}#fil"' in page
    assert "Lire tout le fil (7 messages) et écrire" in page


def test_a_team_member_can_be_mentioned_in_the_thread(challenge, member, sponsor):
    challenge_services.post_message(sponsor, challenge, "@Inès tu peux regarder ?")

    assert member.notifications.filter(kind="challenges.mention").exists()


def test_my_challenges_lists_the_challenge_of_my_team(client, challenge, member):
    client.force_login(member)

    assert "Sobriété des mairies" in client.get(reverse("challenges:mine")).text
