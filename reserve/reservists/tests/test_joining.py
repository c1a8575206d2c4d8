from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from reserve.accounts.models import User
from reserve.core.models import OutboxMessage
from reserve.organisations.models import Part
from reserve.organisations.tests.factories import OrganisationFactory
from reserve.reservists import services
from reserve.reservists.forms import SkillsForm
from reserve.reservists.models import BIO_MAX_LENGTH, Engagement, Profile
from reserve.reservists.views import JOINING

pytestmark = pytest.mark.django_db


def step_url(slug):
    return reverse("reservists:step", args=[slug])


@pytest.fixture
def joined(client, user):
    client.force_login(user)
    client.post(reverse("reservists:join"))
    return user.reservist_profile


def test_an_anonymous_visitor_is_sent_to_sign_up_first(client):
    response = client.get(reverse("reservists:join"))

    assert response.status_code == 302
    assert response.url.startswith(reverse("account_signup"))
    assert "next=%2Freserve%2Frejoindre%2F" in response.url


def test_joining_makes_a_reservist_with_a_profile_and_goes_to_the_first_step(client, user):
    client.force_login(user)

    response = client.post(reverse("reservists:join"))

    user.refresh_from_db()
    assert user.is_reservist
    assert Profile.objects.filter(user=user).count() == 1
    assert response.url == step_url("competences")


def test_joining_twice_keeps_one_profile(client, joined):
    client.post(reverse("reservists:join"))

    assert Profile.objects.count() == 1
    assert "déjà réserviste" in client.get(reverse("reservists:join")).content.decode()


def test_joining_takes_three_steps_each_saved_then_the_dashboard(client, joined):
    steps = [
        ("competences", {"design.ux": "3", "tech.frontend": "1"}, "disponibilites"),
        ("disponibilites", {"hours_per_week": "6", "work_mode": "remote", "departement": "33",
                            "city": "Pessac"}, "engagement"),
    ]  # fmt: skip
    for slug, data, following in steps:
        response = client.post(step_url(slug), data)
        assert response.status_code == 302, response.content.decode()[:2000]
        assert response.url == step_url(following)
    response = client.post(
        step_url("engagement"), {"engagement": "own_time", "consent_data_use": "on"}
    )

    assert response.url == reverse("reservists:dashboard")
    profile = Profile.objects.get()
    assert {s.skill: s.level for s in profile.skills.all()} == {"design.ux": 3, "tech.frontend": 1}
    assert (profile.hours_per_week, profile.departement, profile.city) == (6, "33", "Pessac")
    assert profile.missing() == []
    assert Profile.objects.in_pool().filter(pk=profile.pk).exists()
    assert "design ux" in profile.search_text


def required_answers(form) -> int:
    """Answers a step cannot be saved without (the skills grid: at least one level)."""
    if isinstance(form, SkillsForm):
        return 1
    return sum(field.required and not field.widget.is_hidden for field in form.fields.values())


def test_joining_asks_at_most_twelve_required_answers_on_three_screens(joined):
    forms = [
        form_class(profile=joined) if form_class is SkillsForm else form_class(instance=joined)
        for _slug, _title, form_class in JOINING
    ]
    counts = [required_answers(form) for form in forms]

    # Skills: one level at least; place: hours, mode, département; engagement and consent (and
    # the employer, only when seconded).
    assert counts == [1, 3, 2]
    assert sum(counts) + 1 <= 12
    assert len(JOINING) + 1 <= 4  # with the "join" page before the first step


def test_a_step_without_an_answer_says_what_is_needed_next_to_it(client, joined):
    skills = client.post(step_url("competences"), {})
    place = client.post(step_url("disponibilites"), {"work_mode": "remote"})
    consent = client.post(step_url("engagement"), {"engagement": "own_time"})

    assert "Indiquez au moins une compétence" in skills.content.decode()
    assert "Ce champ est obligatoire." in place.content.decode()
    assert "Cochez cette case pour que l&#x27;on puisse vous proposer des défis." in (
        consent.content.decode()
    )
    joined.refresh_from_db()
    assert not joined.consent_data_use


def test_the_rest_is_offered_later_from_the_dashboard_and_saved_there(client, joined):
    today = timezone.localdate()
    dashboard = client.get(reverse("reservists:dashboard")).content.decode()
    for slug in ("interets", "periodes", "consentements"):
        assert step_url(slug) in dashboard

    interests = client.post(
        step_url("interets"),
        {"themes": ["energy", "water"], "languages": ["fr"], "bio": "Designer à Bordeaux.",
         "links": "exemple.fr/portfolio"},
    )  # fmt: skip
    periods = client.post(
        step_url("periodes"),
        {"available_start": today.isoformat(),
         "available_end": (today + timedelta(days=60)).isoformat()},
    )  # fmt: skip

    assert interests.url == periods.url == reverse("reservists:dashboard")
    joined.refresh_from_db()
    assert joined.theme_codes == ["energy", "water"]
    assert joined.link_list == ["exemple.fr/portfolio"]
    assert joined.periods.count() == 1


def test_a_seconded_employee_picks_their_employer(client, joined):
    employer = OrganisationFactory(parts=Part.EMPLOYER.value, name="Numéra Conseil")

    client.post(
        step_url("engagement"),
        {"engagement": "seconded", "employer": employer.pk, "consent_data_use": "on"},
    )
    client.post(step_url("detachement"), {"hours_per_month_granted": "12", "agreement": "signed"})

    joined.refresh_from_db()
    assert (joined.engagement, joined.employer, joined.hours_per_month_granted) == (
        Engagement.SECONDED,
        employer,
        12,
    )


def test_seconded_without_employer_is_explained(client, joined):
    response = client.post(
        step_url("engagement"), {"engagement": "seconded", "consent_data_use": "on"}
    )

    assert response.status_code == 200
    assert "Choisissez votre employeur ou écrivez son nom." in response.content.decode()


def test_impossible_availability_is_refused_with_clear_messages_and_input_kept(client, joined):
    today = timezone.localdate()
    response = client.post(
        step_url("disponibilites"),
        {"hours_per_week": "200", "work_mode": "both", "departement": "33", "city": "Talence"},
    )
    periods = client.post(
        step_url("periodes"),
        {"available_start": (today + timedelta(days=10)).isoformat(),
         "available_end": today.isoformat()},
    )  # fmt: skip

    page = response.content.decode()
    assert response.status_code == periods.status_code == 200
    assert "60 heures par semaine au plus" in page
    assert "La fin de la période doit suivre son début." in periods.content.decode()
    assert 'value="Talence"' in page
    joined.refresh_from_db()
    assert joined.hours_per_week == 0
    assert joined.periods.count() == 0


def test_an_unknown_level_or_department_is_refused_without_error(client, joined):
    skills = client.post(step_url("competences"), {"design.ux": "9"})
    place = client.post(
        step_url("disponibilites"),
        {"hours_per_week": "5", "work_mode": "both", "departement": "99"},
    )

    assert skills.status_code == place.status_code == 200
    assert "Sélectionnez un choix valide" in skills.content.decode()
    assert "Sélectionnez un choix valide" in place.content.decode()


def test_unknown_skills_are_refused_by_name(joined):
    with pytest.raises(ValidationError) as error:
        services.set_skills(joined.user, joined, {"tech.cobol": 2, "design.ux": 1})

    assert "tech.cobol" in str(error.value)
    assert joined.skills.count() == 0


def test_an_oversized_bio_is_refused_and_kept(client, joined):
    bio = "x" * (BIO_MAX_LENGTH + 1)

    response = client.post(step_url("interets"), {"bio": bio})

    assert response.status_code == 200
    assert f"au plus {BIO_MAX_LENGTH} caractères" in response.content.decode()
    assert bio in response.content.decode()


def test_a_bad_link_is_named(client, joined):
    response = client.post(step_url("interets"), {"links": "pas une adresse"})

    assert "« pas une adresse » n&#x27;est pas une adresse web." in response.content.decode()


def test_signing_up_twice_with_the_same_email_creates_no_second_account(client, user):
    response = client.post(
        reverse("account_signup"),
        {"first_name": "Autre", "last_name": "Personne", "email": user.email.upper(),
         "password1": "Un-mot-de-passe-2031", "password2": "Un-mot-de-passe-2031",
         "accept_terms": "on", "is_reservist": "on"},
    )  # fmt: skip

    assert response.status_code in (200, 302)
    assert User.objects.filter(email__iexact=user.email).count() == 1
    assert OutboxMessage.objects.filter(recipients__icontains=user.email).exists()


def test_someone_else_cannot_change_a_profile(joined, staff):
    with pytest.raises(services.PermissionDenied):
        services.set_skills(staff, joined, {"design.ux": 1})


def test_an_unknown_step_is_a_404(client, joined):
    assert client.get(step_url("nope")).status_code == 404


def test_the_joining_stepper_marks_this_step_and_reopens_the_done_ones(client, joined):
    page = client.get(step_url("disponibilites")).content.decode()

    assert f'<a href="{step_url("competences")}"><span>1.</span>' in page
    assert 'aria-current="step">\n    <span>2.</span> <span class="step-name">Où et combien' in page
    assert f'href="{step_url("engagement")}"' not in page
