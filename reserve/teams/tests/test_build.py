from datetime import date

import pytest

from reserve.challenges.models import Application, ApplicationStatus, Location, Status
from reserve.challenges.tests.factories import ChallengeFactory, RoleSlotFactory
from reserve.reservists.models import AvailabilityPeriod, Visibility
from reserve.reservists.tests.factories import AvailabilityPeriodFactory, ProfileFactory
from reserve.teams.build import build_instance, build_instance_data
from reserve.teams.engine import propose

AS_OF = date(2026, 3, 1)
pytestmark = pytest.mark.django_db


def forming(**kwargs):
    return ChallengeFactory(
        status=Status.TEAM_FORMING,
        sprint_start=date(2026, 3, 16),
        sprint_end=date(2026, 4, 14),
        **kwargs,
    )


def only(items, key, value):
    return next(item for item in items if item[key] == value)


def test_it_describes_a_reservist_with_skills_levels_themes_and_place():
    profile = ProfileFactory(skills={"tech.backend": 3}, hours_per_week=8, themes=" energy ")
    data = build_instance_data(AS_OF)
    person = only(data["reservists"], "id", f"r-{profile.user_id}")
    assert person["skills"] == [{"skill": "tech.backend", "level": "expert"}]
    assert person["weekly_hours"] == 8
    assert person["themes"] == ["energy"]
    assert person["location"] == {"departement": "33", "city": "Bordeaux"}
    assert person["availability"] == [{"start": "2000-01-01", "end": None}]


def test_it_leaves_out_people_who_paused_their_profile():
    hidden = ProfileFactory(visibility=Visibility.HIDDEN)
    ids = [r["id"] for r in build_instance_data(AS_OF)["reservists"]]
    assert f"r-{hidden.user_id}" not in ids


def test_it_removes_unavailable_periods_from_available_ones():
    profile = ProfileFactory()
    AvailabilityPeriodFactory(profile=profile, start=date(2026, 3, 1), end=date(2026, 6, 30))
    AvailabilityPeriodFactory(
        profile=profile,
        kind=AvailabilityPeriod.Kind.UNAVAILABLE,
        start=date(2026, 4, 1),
        end=date(2026, 4, 10),
    )
    person = build_instance_data(AS_OF)["reservists"][0]
    assert person["availability"] == [
        {"start": "2026-03-01", "end": "2026-03-31"},
        {"start": "2026-04-11", "end": "2026-06-30"},
    ]


def test_it_deducts_current_commitments_from_weekly_hours():
    profile = ProfileFactory(hours_per_week=10)
    slot = RoleSlotFactory(challenge=forming(), hours_per_week=6, count=2)
    Application.objects.create(slot=slot, user=profile.user, status=ApplicationStatus.ACCEPTED)
    person = build_instance_data(AS_OF)["reservists"][0]
    assert person["weekly_hours"] == 4
    assert person["current_challenges"] == 1


def test_it_offers_only_the_seats_not_yet_filled():
    slot = RoleSlotFactory(challenge=forming(), count=3)
    Application.objects.create(
        slot=slot, user=ProfileFactory().user, status=ApplicationStatus.ACCEPTED
    )
    challenge = build_instance_data(AS_OF)["challenges"][0]
    assert challenge["slots"][0]["count"] == 2


def test_it_leaves_out_a_challenge_whose_team_is_complete():
    slot = RoleSlotFactory(challenge=forming(), count=1)
    Application.objects.create(
        slot=slot, user=ProfileFactory().user, status=ApplicationStatus.ACCEPTED
    )
    assert build_instance_data(AS_OF)["challenges"] == []


def test_it_takes_only_challenges_in_team_forming():
    RoleSlotFactory(challenge=ChallengeFactory(status=Status.QUALIFIED))
    assert build_instance_data(AS_OF)["challenges"] == []


def test_it_describes_an_on_site_role_with_its_departement():
    RoleSlotFactory(challenge=forming(), location=Location.ON_SITE, departement="69")
    slot = build_instance_data(AS_OF)["challenges"][0]["slots"][0]
    assert slot["location"] == {"mode": "on_site", "departement": "69"}


def test_the_engine_proposes_a_qualified_reservist_for_the_role():
    profile = ProfileFactory(skills={"tech.backend": 2}, hours_per_week=8)
    slot = RoleSlotFactory(challenge=forming(), skill="tech.backend", hours_per_week=6)
    proposal = propose(build_instance(AS_OF))
    assert [(m.reservist_id, m.slot_id) for m in proposal.assignments] == [
        (f"r-{profile.user_id}", f"s-{slot.pk}")
    ]


def test_a_proposal_keeps_the_weights_it_used_and_replays_with_them(settings, staff, slot):
    from reserve.teams.engine import proposal_to_json
    from reserve.teams.instance import parse_instance
    from reserve.teams.services import run_proposal

    ProfileFactory(skills={"tech.backend": 3}, hours_per_week=10)
    settings.TEAM_MATCHING = settings.TEAM_MATCHING | {
        "rest_days": 3,
        "weights": settings.TEAM_MATCHING["weights"] | {"level": 7},
    }
    proposal = run_proposal(staff)
    settings.TEAM_MATCHING = settings.TEAM_MATCHING | {"weights": {"level": 25}}

    stored = parse_instance(proposal.instance).settings
    assert (stored.rest_days, stored.weights.level) == (3, 7)
    assert proposal_to_json(propose(parse_instance(proposal.instance))) == proposal.result
    level = only(proposal.result["assignments"][0]["breakdown"], "component", "level")
    assert level["max_points"] == 7


def test_ranking_one_slot_reads_only_the_people_who_could_take_it():
    from reserve.teams.build import build_slot_instance
    from reserve.teams.ranking import ranked_for_slot, ranked_slots

    able = ProfileFactory(skills={"tech.backend": 3}).user
    ProfileFactory(skills={"tech.backend": 1})
    ProfileFactory(skills={"design.ux": 3})
    slot = RoleSlotFactory(challenge=forming(), skill="tech.backend", level="confident")

    instance = build_slot_instance(slot)

    assert [r.id for r in instance.reservists] == [f"r-{able.pk}"]
    full = next(e for e in ranked_slots(slot.challenge) if e.slot.pk == slot.pk)
    assert [c.user for c in ranked_for_slot(slot)] == [c.user for c in full.candidates]
