import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone

from reserve.organisations.models import Part
from reserve.organisations.tests.factories import OrganisationFactory
from reserve.reservists import pool_cache, services
from reserve.reservists.models import AvailabilityPeriod, Visibility

from .factories import AvailabilityPeriodFactory, ProfileFactory, shown

pytestmark = pytest.mark.django_db

POOL = reverse("reservists:pool")
SEARCH = {"skills": "design.ux", "departement": "33"}


@pytest.fixture
def staff_client(client, staff):
    client.force_login(staff)
    return client


def found(client, query=SEARCH):
    return {pk for pk, _name in shown(client.get(POOL, query))}


def ux_designer(**kwargs):
    return ProfileFactory(skills={"design.ux": 2}, departement="33", **kwargs)


def test_a_repeated_search_does_not_run_the_search_again(
    staff_client, django_assert_max_num_queries
):
    ux_designer()
    staff_client.get(POOL, SEARCH)

    with django_assert_max_num_queries(7) as captured:
        staff_client.get(POOL, SEARCH)

    assert not any("profileskill" in q["sql"] and "IN (SELECT" in q["sql"] for q in captured)


def test_the_same_criteria_in_another_order_share_one_entry():
    assert pool_cache.key({"skills": ["a", "b"], "q": ""}) == pool_cache.key({"skills": ["b", "a"]})
    assert pool_cache.key({"skills": ["a"]}) != pool_cache.key({"skills": ["b"]})


def test_a_new_profile_shows_at_once(staff_client):
    first = ux_designer()
    assert found(staff_client) == {first.pk}

    second = ux_designer()

    assert found(staff_client) == {first.pk, second.pk}


def test_a_profile_leaving_the_pool_disappears_at_once(staff_client):
    profile = ux_designer()
    assert found(staff_client) == {profile.pk}

    profile.visibility = Visibility.HIDDEN
    profile.save()

    assert found(staff_client) == set()


def test_changed_skills_periods_and_accounts_invalidate(staff_client):
    profile = ux_designer()
    assert found(staff_client) == {profile.pk}

    profile.skills.update_or_create(skill="design.ux", defaults={"level": 1})
    assert found(staff_client, {**SEARCH, "min_level": 2}) == set()

    profile.user.is_active = False
    profile.user.save()
    assert found(staff_client) == set()

    generation = pool_cache.key({})
    today = timezone.localdate()
    AvailabilityPeriodFactory(
        profile=profile, kind=AvailabilityPeriod.Kind.UNAVAILABLE, start=today, end=today
    )
    assert pool_cache.key({}) != generation


def test_a_login_invalidates_because_it_changes_the_order(staff_client):
    profile = ux_designer()
    generation = pool_cache.key({})

    services.note_login(profile.user)

    assert pool_cache.key({}) != generation


def test_the_cache_can_be_turned_off(staff_client, settings, django_assert_max_num_queries):
    settings.POOL_CACHE_SECONDS = 0
    ux_designer()
    staff_client.get(POOL, SEARCH)

    with django_assert_max_num_queries(9) as captured:
        staff_client.get(POOL, SEARCH)

    assert any("IN (SELECT" in q["sql"] for q in captured)


def test_an_id_deleted_since_it_was_cached_is_left_out(staff_client):
    kept, gone = ux_designer(), ux_designer()
    stale = [gone.pk, kept.pk]
    gone.user.delete()
    cache.set(pool_cache.key({}, "ids"), stale)  # as if the deletion had not been noticed

    assert found(staff_client, {}) == {kept.pk}


def test_a_renamed_reservist_shows_the_new_name_on_a_repeated_search(staff_client):
    profile = ux_designer(user__first_name="Ada", user__last_name="Lovelace")
    assert "Ada Lovelace" in staff_client.get(POOL, SEARCH).content.decode()

    profile.user.last_name = "King"
    profile.user.save()

    page = staff_client.get(POOL, SEARCH).content.decode()
    assert "Ada King" in page
    assert "Lovelace" not in page


def test_a_new_employer_shows_in_the_filters_at_once(staff_client):
    staff_client.get(POOL)

    employer = OrganisationFactory(name="Énergies Solidaires", parts=Part.EMPLOYER.value)

    assert "Énergies Solidaires" in staff_client.get(POOL).content.decode()

    employer.name = "Énergies Partagées"
    employer.save()

    page = staff_client.get(POOL).content.decode()
    assert "Énergies Partagées" in page
    assert "Énergies Solidaires" not in page


def test_cached_results_and_filters_follow_the_language(staff_client):
    ux_designer(work_mode="remote")
    french = staff_client.get(POOL, SEARCH).content.decode()

    staff_client.cookies["django_language"] = "en"
    english = staff_client.get(POOL, SEARCH, headers={"accept-language": "en"}).content.decode()

    assert "à distance" in french
    assert "remote" in english.lower()
    assert "à distance" not in english
