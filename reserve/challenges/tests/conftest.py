import pytest

from reserve.accounts.tests.factories import UserFactory
from reserve.organisations.tests.factories import MembershipFactory, OrganisationFactory

from .factories import ChallengeFactory, ReferentFactory


@pytest.fixture
def sponsor(db):
    """A verified administration and one of its members."""
    return MembershipFactory(organisation=OrganisationFactory(name="DDT de la Gironde")).user


@pytest.fixture
def challenge(sponsor):
    return ChallengeFactory(organisation=sponsor.memberships.get().organisation, created_by=sponsor)


@pytest.fixture
def referent_user(challenge):
    person = UserFactory(first_name="Agnès", last_name="Morel")
    ReferentFactory(challenge=challenge, user=person, email=person.email)
    return person


@pytest.fixture
def reservist(db):
    return UserFactory(is_reservist=True)
