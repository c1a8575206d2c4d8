import pytest

from .factories import make_sprint


@pytest.fixture
def sprint(db):
    return make_sprint()
