"""Importing the ADEME DPE open data, and a household finding its DPE by address."""

from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from ..models import DpeRecord
from .factories import HouseholdFactory

SAMPLE = Path(__file__).resolve().parents[1] / "data" / "dpe_sample.csv"


def run(path) -> str:
    out = StringIO()
    call_command("import_dpe", str(path), stdout=out)
    return out.getvalue()


@pytest.mark.django_db
def test_the_shipped_sample_imports_and_a_second_run_only_updates():
    assert run(SAMPLE).strip() == "40 DPE created, 0 updated, 1 rows skipped"
    assert run(SAMPLE).strip() == "0 DPE created, 40 updated, 1 rows skipped"
    assert DpeRecord.objects.count() == 40


@pytest.mark.django_db
def test_semicolons_and_missing_figures(tmp_path):
    path = tmp_path / "extract.csv"
    path.write_text(
        "numero_dpe;adresse_ban;code_postal_ban;etiquette_dpe;etiquette_ges;"
        "conso_5_usages_par_m2_ep;emission_ges_5_usages_par_m2\n"
        "2433E1;12 rue Neuve 33000 Bordeaux;33000;F;C;402.5;21.2\n"
        "2433E2;3 rue Vieille 33000 Bordeaux;33000;Z;C;100;2\n",
        encoding="utf-8",
    )
    assert run(path).strip() == "1 DPE created, 0 updated, 1 rows skipped"
    record = DpeRecord.objects.get()
    assert (record.primary_energy_kwh_m2, record.ghg_kg_m2, record.surface_m2) == (402, 21, None)


def test_a_file_without_the_ademe_columns_is_refused(tmp_path):
    path = tmp_path / "other.csv"
    path.write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(CommandError, match="missing columns"):
        call_command("import_dpe", str(path))


@pytest.mark.django_db
def test_a_household_finds_its_dpe_by_address_and_takes_its_figures(client):
    run(SAMPLE)
    record = DpeRecord.objects.order_by("number")[3]
    number, street = record.address.split(" ", 1)
    household = HouseholdFactory()
    url = f"/energie/dossier/{household.token}/etape/3/"
    page = client.get(url, {"adresse": f"{number} {street.split(' 33')[0]}", "cp": record.postcode})
    assert f"?dpe={record.number}" in page.content.decode()
    page = client.get(url, {"dpe": record.number}).content.decode()
    assert f'value="{record.primary_energy_kwh_m2}"' in page
    assert f'value="{record.ghg_kg_m2}"' in page
