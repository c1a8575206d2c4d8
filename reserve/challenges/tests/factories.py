import factory
from django.utils import timezone

from reserve.challenges.models import Challenge, Referent, RoleSlot, Status
from reserve.organisations.tests.factories import OrganisationFactory


class ChallengeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Challenge

    title = factory.Sequence(lambda n: f"Défi numéro {n}")
    slug = factory.Sequence(lambda n: f"defi-numero-{n}")
    organisation = factory.SubFactory(OrganisationFactory)
    status = Status.DRAFT
    summary = "Un problème urgent à résoudre en un mois."
    problem = "Des personnes souffrent d'un **vrai** problème."
    blind_spot = "Personne ne s'en occupe."
    deliverable = "Un service web simple."
    success_criterion = "1 000 utilisateurs un mois après."
    themes = "energy"
    territory_name = "Gironde"
    territory_level = "departement"
    status_changed_at = factory.LazyFunction(timezone.now)


class RoleSlotFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RoleSlot

    challenge = factory.SubFactory(ChallengeFactory, status=Status.QUALIFIED)
    skill = "tech.backend"
    count = 1


class ReferentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Referent

    challenge = factory.SubFactory(ChallengeFactory)
    name = "Agnès Morel"
    service = "DDT de la Gironde"
    role = "Cheffe de service"
    email = factory.Sequence(lambda n: f"agent{n}@gironde.gouv.fr")
