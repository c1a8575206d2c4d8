import factory

from reserve.organisations.models import Kind, Membership, Organisation, Part, Verification


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Organisation {n}")
    kind = Kind.STATE_SERVICE
    parts = Part.SPONSOR.value
    city = "Bordeaux"
    verification = Verification.VERIFIED


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    organisation = factory.SubFactory(OrganisationFactory)
    user = factory.SubFactory("reserve.accounts.tests.factories.UserFactory")
    role = Membership.Role.MEMBER
