"""Deleting an account leaves no row that names the person or holds what they wrote.

The world below gives the person a row in every model that can hold personal data (found by
introspection, as the system check finds them), plants a marker in every free-text field of
those rows, adds lines written by others that name the person, deletes the account, then scans
every text column of every table.
"""

from datetime import date, timedelta

import pytest
from django.apps import apps
from django.contrib.admin.models import CHANGE, LogEntry
from django.db import models
from django.db.models import Q
from django.utils import timezone

from reserve.accounts.checks import personal_models
from reserve.accounts.tests.factories import UserFactory
from reserve.core.audit import record
from reserve.core.models import Notification, OutboxMessage

pytestmark = pytest.mark.django_db

MARK = "zqx"
PHONE = "06 11 22 33 44"

# Free-text fields of the person's rows that are not theirs to take away, and why.
KEPT = {
    "core.AuditEntry": "what was done is kept; the names in it are redacted (planted below)",
    "challenges.Challenge": "a challenge is its organisation's, not its author's",
    "lightsoff.Shop": "a shop's name and address are the shop's",
    "lightsoff.Campaign": "a night of action is its organisation's",
    "teams.TeamLink": "a link shared with the team is the team's",
    "energie.Household": "a household's contact details are the household's, not its alert giver's",
    "energie.Kit": "a kit's name and contents are its partner's stock",
    "energie.Campaign": "a distribution campaign is the programme's",
    "sprints.SprintPlan": "a sprint plan is the team's and the sponsor's",
    "sprints.CheckIn": "a check-in is the team's weekly record; names in it are redacted",
    "sprints.Deliverable": "a deliverable is the team's work",
    "sprints.Measurement": "a measurement is the indicator's public figure",
    "sprints.DeliveryDecision": "a delivery decision is the sponsoring organisation's",
    "sprints.Handover": "a handover sheet is the sponsoring organisation's",
}
# Fields of those rows that the platform or the staff wrote, not the person.
GENERATED = {
    "core.Notification": {"kind", "url"},
    "challenges.TimelineEvent": {"text"},
    "lightsoff.Report": {"token", "rule_reference", "opening_hours_used", "moderation_reason"},
    "admin.LogEntry": {"object_id"},
    "reservists.Profile": {"search_text"},
    "impact.TimeStatement": {"token", "digest"},
}


def model(label):
    return apps.get_model(label)


def build_world(person, staff):
    """A row linked to the person in every model that can hold personal data."""
    from reserve.challenges.tests.factories import RoleSlotFactory
    from reserve.organisations.tests.factories import MembershipFactory
    from reserve.reservists.tests.factories import ProfileFactory

    slot = RoleSlotFactory()
    challenge = slot.challenge
    challenge.created_by = person
    challenge.save()
    profile = ProfileFactory(user=person)
    MembershipFactory(user=person, organisation=challenge.organisation)
    model("reservists.SavedSearch").objects.create(owner=person, name="x", query="q")
    model("challenges.Referent").objects.create(
        challenge=challenge, name="x", service="x", email=person.email.upper(), user=person
    )
    model("challenges.TimelineEvent").objects.create(
        challenge=challenge, actor=person, text="Défi soumis", note="x"
    )
    model("challenges.QualificationScore").objects.create(
        challenge=challenge, author=person, criterion="blind_spot", score=2, comment="x"
    )
    model("challenges.Message").objects.create(challenge=challenge, author=person, body="x")
    model("challenges.Application").objects.create(slot=slot, user=person, message="x")
    model("teams.Invitation").objects.create(
        slot=slot, user=person, invited_by=staff, deadline=timezone.now(), decline_reason="x"
    )
    model("teams.Proposal").objects.create(
        created_by=person,
        instance={"reservists": [{"id": f"r-{person.pk}", "location": {"city": f"{MARK}ville"}}]},
        result={},
    )
    model("teams.TeamLink").objects.create(
        challenge=challenge, label="Dépôt", url="https://exemple.fr", added_by=person
    )
    record(person, "account.profile_updated", person, fields=["phone"])
    Notification.objects.create(user=person, text="x")
    LogEntry.objects.log_actions(person.pk, [challenge], CHANGE, change_message="x")
    build_sprints_world(person, challenge)
    if apps.is_installed("reserve.apps.lightsoff"):
        build_lightsoff_world(person, challenge.organisation)
    if apps.is_installed("reserve.apps.energie"):
        build_energie_world(person, challenge.organisation)
    build_impact_world(person, challenge.organisation)
    return profile


def build_energie_world(person, organisation):
    household = model("energie.Household").objects.create(
        consent_by="oral", alert_giver=person, name="x", email="foyer@exemple.fr"
    )
    model("energie.Household").objects.create(consent_by="self", email=person.email.upper())
    kit = model("energie.Kit").objects.create(
        organisation=organisation, name="Kit", unit_cost_eur=10, quantity=1,
        available_from=date.today(), declared_by=person,
    )  # fmt: skip
    campaign = model("energie.Campaign").objects.create(
        title="Hiver", budget_eur=100, starts_on=date.today(), ends_on=date.today(),
        created_by=person,
    )  # fmt: skip
    model("energie.AllocationRun").objects.create(
        campaign=campaign, instance={}, result={}, created_by=person
    )
    model("energie.Visit").objects.create(
        campaign=campaign, household=household, kit=kit, volunteer=person, notes="x",
        status="installed",
    )  # fmt: skip


def build_impact_world(person, organisation):
    model("impact.Visibility").objects.create(user=person, on_impact_pages=True)
    model("impact.HourlyCost").objects.create(employer=organisation, employee=person, amount=50)
    model("impact.TimeStatement").objects.create(
        employer=organisation,
        beneficiary=organisation,
        employee=person,
        employee_name=person.get_full_name(),
        period_start=date.today(),
        period_end=date.today(),
        hours=1,
        digest="0" * 64,
        issued_at=timezone.now(),
    )


def build_sprints_world(person, challenge):
    today = timezone.localdate()
    model("sprints.SprintPlan").objects.create(
        challenge=challenge, goal="x", success_criteria="x", lead=person, validated_by=person
    )
    checkin = model("sprints.CheckIn").objects.create(
        challenge=challenge, author=person, week=today, progress="x", blockers="x"
    )
    model("sprints.CheckInComment").objects.create(checkin=checkin, author=person, body="x")
    model("sprints.HoursEntry").objects.create(
        checkin=checkin, challenge=challenge, member=person, week=today, hours=5
    )
    model("sprints.Deliverable").objects.create(
        challenge=challenge, name="x", kind="service", due_date=today, delivered_by=person
    )
    indicator = model("sprints.Indicator").objects.create(
        challenge=challenge, key="x", name="x", unit="x", baseline=0, baseline_date=today,
        target=1, source="x", measured_by="x",
    )  # fmt: skip
    model("sprints.Measurement").objects.create(
        indicator=indicator, date=today, value=1, source="x", entered_by=person
    )
    model("sprints.DeliveryDecision").objects.create(
        challenge=challenge, verdict="accepted", decided_by=person
    )
    model("sprints.Handover").objects.create(
        challenge=challenge, owner="x", hosting="x", personal_data_and_security="x",
        impact_assessment="done", impact_assessment_reason="x", maintenance_contact="x",
        if_nobody_takes_over="x", filled_by=person,
    )  # fmt: skip


def build_lightsoff_world(person, organisation):
    from reserve.apps.lightsoff.tests.factories import ShopFactory

    shop = ShopFactory(claimed_by=person, claim_expires_at=timezone.now() + timedelta(hours=1))
    model("lightsoff.Report").objects.create(
        shop=shop,
        element="vitrine",
        seen_at=timezone.now(),
        verdict="violation",
        rule_reference="Code de l'environnement",
        email=person.email.upper(),
        email_consent=True,
        comment="x",
    )
    model("lightsoff.ContactAttempt").objects.create(
        shop=shop, volunteer=person, outcome="positive", notes="x"
    )
    model("lightsoff.TenseDayAlert").objects.create(user=person)
    model("lightsoff.FollowUp").objects.create(shop=shop, answer="now_off", volunteer=person)
    model("lightsoff.VolunteerRevocation").objects.create(user=person, reason="x")
    campaign = model("lightsoff.Campaign").objects.create(
        organisation=organisation, title="Nuit", night=date.today(), cities="Bordeaux",
        created_by=person,
    )  # fmt: skip
    campaign.participants.add(person)


def linked_to(person, model_class) -> Q:
    condition = Q(pk__in=[])
    for field in model_class._meta.get_fields():
        if isinstance(field, models.EmailField):
            condition |= Q(**{f"{field.name}__iexact": person.email})
        elif field.is_relation and field.related_model is type(person) and not field.auto_created:
            condition |= Q(**{field.name: person})
    return condition


def free_text_fields(model_class):
    label = model_class._meta.label
    if label in KEPT:
        return []
    return [
        f
        for f in model_class._meta.concrete_fields
        if isinstance(f, models.CharField | models.TextField)
        and not isinstance(f, models.EmailField | models.URLField)
        and not f.choices
        and not f.primary_key
        and f.name not in GENERATED.get(label, set())
    ]


def plant_markers(person) -> list[str]:
    """Every free-text field of every row linked to the person now holds a marker."""
    uncovered, planted = [], 0
    for model_class in personal_models():
        rows = model_class.objects.filter(linked_to(person, model_class)).distinct()
        if not rows.exists():
            uncovered.append(model_class._meta.label)
        for field in free_text_fields(model_class):
            value = f"{MARK} {model_class._meta.label} {field.name}"[: field.max_length or 200]
            planted += rows.update(**{field.name: value})
    assert planted > 10
    return uncovered


def plant_mentions_by_others(person, profile, staff):
    """Lines other people receive or write that name the person."""
    from reserve.challenges.models import Message, TimelineEvent

    challenge = model("challenges.Challenge").objects.get(created_by=person)
    full_name = person.get_full_name()
    Notification.objects.create(user=staff, text=f"{full_name} a postulé")
    OutboxMessage.objects.create(
        subject=f"Candidature de {full_name}",
        from_email="ne-pas-repondre@exemple.fr",
        recipients=staff.email,
        body=f"Écrivez-lui : {person.email}, {PHONE.replace(' ', '')}",
    )
    OutboxMessage.objects.create(
        subject="Bienvenue", from_email="x@exemple.fr", recipients=person.email, body="x"
    )
    record(staff, "reservist.profile_seen", profile, email=person.email, phone=PHONE)
    TimelineEvent.objects.create(challenge=challenge, actor=staff, text=f"Grille : {full_name}")
    Message.objects.create(challenge=challenge, author=staff, body=f"Merci @{person.email} !")
    LogEntry.objects.log_actions(staff.pk, [person], CHANGE, change_message="[]")


def text_columns():
    for model_class in apps.get_models():
        for field in model_class._meta.concrete_fields:
            if isinstance(field, models.CharField | models.TextField | models.JSONField):
                yield model_class, field


def rows_holding(needles) -> list[str]:
    found = []
    for model_class, field in text_columns():
        for needle in needles:
            if model_class.objects.filter(**{f"{field.name}__icontains": needle}).exists():
                found.append(f"{model_class._meta.label}.{field.name} ({needle})")
    return found


def test_deleting_an_account_leaves_nothing_that_names_the_person(client):
    person = UserFactory(
        email=f"{MARK}.person@exemple.fr",
        first_name=f"{MARK}prenom",
        last_name=f"{MARK}nom",
        phone=PHONE,
        is_reservist=True,
    )
    staff = UserFactory(is_staff=True)
    profile = build_world(person, staff)
    assert plant_markers(person) == []
    plant_mentions_by_others(person, profile, staff)
    assert rows_holding([MARK, PHONE, PHONE.replace(" ", "")])

    client.force_login(person)
    response = client.post("/compte/supprimer/", {"confirm_email": person.email})

    assert response.status_code == 302
    assert rows_holding([MARK, PHONE, PHONE.replace(" ", "")]) == []


def test_what_others_wrote_about_the_person_stays_readable(client):
    from reserve.challenges.models import Message

    person = UserFactory(first_name="Léa", last_name="Zqxroux", email="lea@exemple.fr")
    staff = UserFactory(is_staff=True)
    build_world(person, staff)
    Notification.objects.create(user=staff, text="Léa Zqxroux a postulé")
    challenge = model("challenges.Challenge").objects.get(created_by=person)
    Message.objects.create(challenge=challenge, author=staff, body="Merci lea@exemple.fr !")

    client.force_login(person)
    client.post("/compte/supprimer/", {"confirm_email": person.email})

    assert Notification.objects.get(user=staff).text == "[compte supprimé] a postulé"
    bodies = list(Message.objects.values_list("body", flat=True))
    assert bodies == ["[compte supprimé]", "Merci [compte supprimé] !"]
    contact = model("lightsoff.ContactAttempt").objects.get()
    assert (contact.outcome, contact.notes, contact.volunteer) == ("positive", "", None)
    report = model("lightsoff.Report").objects.get()
    assert (report.verdict, report.email, report.comment) == ("violation", "", "")


def test_only_whole_names_are_redacted():
    from reserve.core.privacy import identity_of

    person = UserFactory(first_name="Léa", last_name="Roux", email="lea.roux@exemple.fr")

    redacted = identity_of(person).redact("Léa Roux et Marc Rouxel ; écrire à LEA.ROUX@exemple.fr")

    assert redacted == "[compte supprimé] et Marc Rouxel ; écrire à [compte supprimé]"


def test_deleting_from_the_admin_erases_like_the_person_would(client):
    from django.urls import reverse

    from reserve.core.models import AuditEntry

    admin = UserFactory(is_staff=True, is_superuser=True)
    person = UserFactory(first_name="Léa", last_name="Zqxroux")
    Notification.objects.create(user=admin, text="Léa Zqxroux a postulé")
    client.force_login(admin)

    client.post(
        reverse("admin:accounts_user_changelist"),
        {"action": "delete_selected", "_selected_action": [person.pk], "post": "yes"},
    )

    assert not type(person).objects.filter(pk=person.pk).exists()
    assert Notification.objects.get(user=admin).text == "[compte supprimé] a postulé"
    assert AuditEntry.objects.get(action="account.deleted").actor == admin
