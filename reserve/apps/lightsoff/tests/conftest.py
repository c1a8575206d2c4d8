import pytest

from .factories import ReservistFactory, ShopFactory


@pytest.fixture
def shop(db):
    return ShopFactory()


@pytest.fixture
def reservist(db):
    return ReservistFactory()


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path
