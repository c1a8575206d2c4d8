"""What the browser is told to trust: a Content-Security-Policy, and an API that takes only JSON."""

import json
import re
from pathlib import Path

import pytest
from django.template import Context, Template

from reserve.apps.lightsoff.models import Report
from reserve.apps.lightsoff.tests.factories import ShopFactory

ROOT = Path(__file__).resolve().parents[2]
INLINE_CODE = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*application/json)|\son[a-z]+=|\sstyle=")

pytestmark = pytest.mark.django_db


def test_pages_forbid_inline_scripts_and_styles(client):
    policy = client.get("/sante/")["Content-Security-Policy"]

    directives = dict(part.strip().split(" ", 1) for part in policy.split(";"))
    assert directives["script-src"] == "'self'"
    assert directives["style-src"] == "'self'"
    assert "https://tile.openstreetmap.org" in directives["img-src"]
    assert directives["frame-ancestors"] == "'none'"


def test_no_template_holds_inline_code_or_style():
    offenders = [
        f"{path.relative_to(ROOT)}: {match.group().strip()}"
        for path in ROOT.glob("**/templates/**/*.html")
        for match in INLINE_CODE.finditer(path.read_text())
    ]

    assert offenders == []


def test_bars_are_drawn_with_width_classes():
    rendered = Template(
        "{% load bars %}{{ 37|width_class }} {{ 140|width_class }} {{ x|width_class }}"
    )

    assert rendered.render(Context({"x": None})) == "w-35 w-100 w-0"


@pytest.mark.parametrize(
    ("content_type", "body"),
    [
        ("text/plain", "{}"),
        ("application/x-www-form-urlencoded", "shop_id=1&element=vitrine"),
        ("multipart/form-data; boundary=x", "--x--"),
    ],
)
def test_the_api_refuses_a_write_that_is_not_json(client, content_type, body):
    shop = ShopFactory()
    payload = body.replace("{}", json.dumps({"shop_id": shop.pk, "element": "vitrine"}))

    response = client.post("/api/lightsoff/reports", payload, content_type=content_type)

    assert response.status_code == 415
    assert response.json()["errors"][0]["field"] == "Content-Type"
    assert "application/json" in response.json()["errors"][0]["message"]
    assert not Report.objects.exists()


def test_the_api_takes_a_json_write(client):
    shop = ShopFactory()

    response = client.post(
        "/api/lightsoff/reports",
        {"shop_id": shop.pk, "element": "vitrine"},
        content_type="application/json",
    )

    assert response.status_code == 201
