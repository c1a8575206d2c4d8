"""The JSON API, fuzzed from its own OpenAPI schema with every schemathesis check.

Absurd input (huge integers, wrong types, malformed bounding boxes...) must get a 4xx naming the
field, never a 500, and every answer must match what the schema promises (status codes, content
types, bodies). A bounded number of examples per operation keeps it under a minute.
"""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.config import SchemathesisConfig

# These operations check what JSON Schema cannot say (a bounding box's west < east, the
# OpenStreetMap opening-hours syntax, a deliverable e-mail address): input valid for the schema
# may still get 422 naming the field, the documented answer, not a rejected valid request.
SEMANTIC_CHECKS = [
    "/api/lightsoff/verdict",
    "/api/lightsoff/shops",
    "/api/lightsoff/shops/clusters",
    "/api/lightsoff/reports",
]
CONFIG = SchemathesisConfig.from_dict(
    {
        "operations": [
            {
                "include-path": path,
                "checks": {
                    "positive_data_acceptance": {"expected-statuses": ["2xx", "404", "422", "429"]}
                },
            }
            for path in SEMANTIC_CHECKS
        ]
    }
)
schema = schemathesis.openapi.from_wsgi("/api/openapi.json", get_wsgi_application(), config=CONFIG)


@pytest.fixture
def keep_the_test_connection():
    """As Django's test client does: a request must not close the test's open transaction."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.mark.django_db
@pytest.mark.usefixtures("keep_the_test_connection")
@schema.parametrize()
@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_the_api_keeps_the_promises_of_its_schema(case):
    case.call_and_validate()
