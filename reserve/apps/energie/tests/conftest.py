import pytest

from reserve.organisations.tests.factories import MembershipFactory
from reserve.reservists.tests.factories import ProfileFactory


@pytest.fixture
def alert_giver(db):
    return MembershipFactory(organisation__name="CCAS de Bordeaux").user


@pytest.fixture
def volunteer(db):
    return ProfileFactory(departement="33").user


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path
