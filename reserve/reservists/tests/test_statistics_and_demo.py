import pytest
from django.core.management import call_command
from django.urls import reverse

from reserve.reservists import demo
from reserve.reservists.models import Engagement, Profile, ProfileSkill

from .factories import ProfileFactory

pytestmark = pytest.mark.django_db


def test_staff_see_pool_statistics_as_charts_and_tables(client, staff):
    ProfileFactory(skills={"design.ux": 3, "design.ui": 1}, hours_per_week=7)
    ProfileFactory(skills={"tech.data": 2}, departement="75", hours_per_week=7)
    client.force_login(staff)

    response = client.get(reverse("reservists:statistics"))
    page = response.content.decode()

    families = {str(row["label"]): row for row in response.context["families"]}
    assert [lv["value"] for lv in families["Design"]["levels"]] == [1, 0, 1]
    assert response.context["hours_30_days"] == 60  # 14 h a week over 30 days
    assert "33 — Gironde" in page
    assert 'class="rsv-bar' in page  # the families' stacked bars
    assert "<figcaption>Réservistes par département</figcaption>" in page
    assert '<th scope="row">33 — Gironde</th><td>1</td>' in page


def test_the_statistics_are_for_staff_only(client, user):
    client.force_login(user)

    assert client.get(reverse("reservists:statistics")).status_code == 403


def test_demo_reservists_are_varied_deterministic_and_idempotent():
    call_command("seed_demo", reservists=40, stdout=None)
    first = list(Profile.objects.order_by("user__email").values_list("search_text", flat=True))
    call_command("seed_demo", reservists=40, stdout=None)

    assert Profile.objects.count() == 42  # and the two demo accounts with a profile
    assert (
        list(Profile.objects.order_by("user__email").values_list("search_text", flat=True)) == first
    )
    assert {p.engagement for p in Profile.objects.all()} == set(Engagement.values)
    families = {s.split(".")[0] for s in ProfileSkill.objects.values_list("skill", flat=True)}
    assert len(families) >= 6


def test_a_large_pool_is_generated_in_batches(django_assert_max_num_queries):
    employers = demo._employers()

    with django_assert_max_num_queries(40):  # one by one would be more than 1,000
        added = demo.generate(300, employers)

    assert added == Profile.objects.count() == 300
