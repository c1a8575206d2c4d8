import csv
import io
from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from reserve.core import attention
from reserve.core.models import AuditEntry, Notification
from reserve.organisations.models import Part
from reserve.organisations.tests.factories import OrganisationFactory
from reserve.reservists.models import AvailabilityPeriod, Engagement, Profile, Visibility

from .factories import AvailabilityPeriodFactory, ProfileFactory, shown

pytestmark = pytest.mark.django_db

POOL = reverse("reservists:pool")


@pytest.fixture
def staff_client(client, staff):
    client.force_login(staff)
    return client


def names(response) -> set[str]:
    return {name.removeprefix("Camille ") for _pk, name in shown(response)}


def person(last_name, **kwargs):
    return ProfileFactory(user__last_name=last_name, **kwargs)


def test_the_pool_is_for_staff_only(client, user):
    client.force_login(user)

    assert client.get(POOL).status_code == 403
    assert client.get(reverse("reservists:pool_export")).status_code == 403


def test_hidden_and_non_consenting_profiles_stay_out_of_the_pool(staff_client):
    person("Visible")
    person("Cachee", visibility=Visibility.HIDDEN)
    person("Sansaccord", consent_data_use=False)

    assert names(staff_client.get(POOL)) == {"Visible"}


def test_a_skill_with_a_minimum_level(staff_client):
    person("Expert", skills={"design.ux": 3})
    person("Debutant", skills={"design.ux": 1})
    person("Autre", skills={"tech.data": 3})

    response = staff_client.get(POOL, {"skills": "design.ux", "min_level": "2"})

    assert names(response) == {"Expert"}


def test_several_skills_all_or_any(staff_client):
    person("Deux", skills={"design.ux": 2, "tech.frontend": 2})
    person("Une", skills={"design.ux": 2})

    every = staff_client.get(POOL, {"skills": ["design.ux", "tech.frontend"], "skills_mode": "all"})
    some = staff_client.get(POOL, {"skills": ["design.ux", "tech.frontend"], "skills_mode": "any"})

    assert names(every) == {"Deux"}
    assert names(some) == {"Deux", "Une"}


def test_availability_over_a_date_range_with_enough_hours(staff_client):
    start = timezone.localdate() + timedelta(days=30)
    end = start + timedelta(days=30)
    person("Libre", hours_per_week=8)
    AvailabilityPeriodFactory(profile=person("Periode", hours_per_week=8), start=start, end=end)
    AvailabilityPeriodFactory(
        profile=person("Ailleurs", hours_per_week=8),
        start=end + timedelta(days=5),
        end=end + timedelta(days=50),
    )
    AvailabilityPeriodFactory(
        profile=person("Absent", hours_per_week=8),
        kind=AvailabilityPeriod.Kind.UNAVAILABLE,
        start=start,
        end=start + timedelta(days=3),
    )
    person("Pause", hours_per_week=8, unavailable_until=end)
    person("Peu", hours_per_week=2)

    response = staff_client.get(POOL, {"start": start, "end": end, "min_hours": 4})

    assert names(response) == {"Libre", "Periode"}


def test_place_mode_engagement_employer_themes_and_languages(staff_client):
    employer = OrganisationFactory(parts=Part.EMPLOYER.value)
    target = person(
        "Cible",
        departement="33",
        work_mode="remote",
        engagement=Engagement.SECONDED,
        employer=employer,
        themes=" water health ",
        languages=" fr es ",
    )
    person("Paris", departement="75", work_mode="remote", themes=" water ", languages=" fr es ")
    person("Surplace", departement="33", work_mode="on_site", themes=" water ")

    response = staff_client.get(
        POOL,
        {"departement": "33", "work_mode": "remote", "engagement": "seconded",
         "employer": employer.pk, "themes": ["water"], "languages": ["es"]},
    )  # fmt: skip

    assert names(response) == {target.user.last_name}


def test_free_text_searches_bio_and_skills_without_accents(staff_client):
    person("Eau", bio="J'ai travaillé sur la qualité de l'eau potable.")
    person("Ux", skills={"design.ux": 2})
    person("Rien", bio="Communication associative.")

    assert names(staff_client.get(POOL, {"q": "qualite eau"})) == {"Eau"}
    assert names(staff_client.get(POOL, {"q": "Design UX"})) == {"Ux"}


def test_sorting_by_availability_and_last_activity(staff_client):
    now = timezone.now()
    person("Ancien", hours_per_week=20, last_activity=now - timedelta(days=90))
    person("Recent", hours_per_week=3, last_activity=now)

    by_hours = shown(staff_client.get(POOL, {"sort": "availability"}))
    by_activity = shown(staff_client.get(POOL, {"sort": "activity"}))

    assert [name for _pk, name in by_hours] == ["Camille Ancien", "Camille Recent"]
    assert [name for _pk, name in by_activity] == ["Camille Recent", "Camille Ancien"]


def test_bad_criteria_are_named_not_a_crash(staff_client):
    response = staff_client.get(
        POOL, {"start": "2030-05-10", "end": "2030-05-01", "min_hours": "x"}
    )

    page = response.content.decode()
    assert response.status_code == 200
    assert "La fin de la période doit suivre son début." in page
    assert "Saisissez un nombre entier." in page


def test_results_are_paginated(staff_client):
    ProfileFactory.create_batch(23)

    first = staff_client.get(POOL)
    second = staff_client.get(POOL, {"page": 2})

    assert "23 réservistes trouvés" in first.content.decode()
    assert (len(shown(first)), len(shown(second))) == (20, 3)
    assert not {pk for pk, _name in shown(first)} & {pk for pk, _name in shown(second)}


@pytest.mark.parametrize("size", [3, 25])
def test_the_search_page_queries_do_not_grow_with_results(
    staff_client, staff, size, django_assert_max_num_queries
):
    employer = OrganisationFactory(parts=Part.EMPLOYER.value)
    for _ in range(size):
        ProfileFactory(
            skills={"design.ux": 2, "tech.data": 1},
            engagement=Engagement.SECONDED,
            employer=employer,
        )
    attention.count_for(staff)  # the header's count: once per person, then cached

    with django_assert_max_num_queries(9):
        response = staff_client.get(POOL, {"skills": "design.ux", "departement": "33"})

    assert response.status_code == 200


def test_the_csv_export_lists_what_staff_may_see(staff_client, staff):
    person("Tel", consent_contact_phone=True, user__phone="0612345678", skills={"design.ux": 3})
    person("Sanstel", consent_contact_phone=False, user__phone="0699999999")

    response = staff_client.get(reverse("reservists:pool_export"), {"departement": "33"})
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))

    assert response["Content-Type"].startswith("text/csv")
    assert {r["nom"]: r["telephone"] for r in rows} == {"Tel": "0612345678", "Sanstel": ""}
    assert "Design UX (Expert)" in {r["competences"] for r in rows}
    assert "search_text" not in rows[0]
    assert AuditEntry.objects.filter(action="reservist.pool_exported", actor=staff).exists()


def test_bulk_email_queues_one_message_per_consenting_person(staff_client, run_tasks):
    person("Oui", consent_contact_email=True)
    person("Non", consent_contact_email=False)

    response = staff_client.post(
        reverse("reservists:pool_email") + "?departement=33",
        {"subject": "Un défi eau", "body": "Êtes-vous disponible ?"},
    )
    run_tasks()

    assert response.status_code == 302
    assert len(mail.outbox) == 1
    assert mail.outbox[0].subject == "Un défi eau"
    assert "Êtes-vous disponible ?" in mail.outbox[0].body
    assert "/reserve/profil/consentements/" in mail.outbox[0].body
    assert Notification.objects.get(kind="reservists.pool_message").text == "Un défi eau"


def test_saved_searches_are_kept_per_staff_member(staff_client, staff):
    staff_client.post(
        reverse("reservists:save_search"), {"name": "UX Gironde", "query": "departement=33"}
    )

    page = staff_client.get(POOL).content.decode()
    assert staff.saved_pool_searches.get().query == "departement=33"
    assert "UX Gironde" in page
    assert "?departement=33" in page


def test_staff_sees_contact_details_on_a_profile(staff_client):
    profile = person("Contact", consent_contact_phone=True, user__phone="0611223344")

    page = staff_client.get(reverse("reservists:profile", args=[profile.pk])).content.decode()

    assert profile.user.email in page
    assert "0611223344" in page


def test_search_text_follows_profile_changes():
    profile = ProfileFactory(bio="Hydrologue", skills={"domain.water": 3})

    assert Profile.objects.matching_text("hydrologue eau").get() == profile
    assert not Profile.objects.matching_text("cuisinier").exists()


def test_the_free_text_index_follows_edits_and_deletions(client):
    profile = ProfileFactory(bio="Hydrologue")
    client.force_login(profile.user)

    client.post(reverse("reservists:step", args=["interets"]), {"bio": "Cartographe"})

    assert not Profile.objects.matching_text("hydrologue").exists()
    assert Profile.objects.matching_text("cartographe").get() == profile
    profile.delete()
    assert not Profile.objects.matching_text("cartographe").exists()


def test_a_word_prefix_finds_longer_words_and_odd_input_is_harmless():
    ProfileFactory(bio="Designer de services publics")

    assert Profile.objects.matching_text("design").count() == 1
    assert Profile.objects.matching_text('"design* (').count() == 1
    assert Profile.objects.matching_text("***").count() == 1  # no word: no text filter


def test_a_very_broad_search_says_more_than_the_cap(staff_client, monkeypatch):
    from reserve.reservists import results

    monkeypatch.setattr(results, "COUNT_CAP", 2)
    ProfileFactory.create_batch(4)

    page = staff_client.get(POOL).content.decode()

    assert "Plus de 1 000 réservistes trouvés" in page


def test_htmx_searches_get_the_main_content_only(staff_client):
    person("Ux", skills={"design.ux": 2})
    query = {"skills": "design.ux"}

    full = staff_client.get(POOL, query)
    partial = staff_client.get(POOL, query, headers={"HX-Request": "true"})
    restored = staff_client.get(
        POOL, query, headers={"HX-Request": "true", "HX-History-Restore-Request": "true"}
    )

    assert names(partial) == names(full) == {"Ux"}
    assert '<main id="contenu"' in partial.text
    assert "Navigation principale" in full.text
    assert "Navigation principale" not in partial.text
    assert "Navigation principale" in restored.text
    assert "HX-Request" in partial["Vary"]
