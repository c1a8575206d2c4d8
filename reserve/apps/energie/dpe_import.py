"""Read an extract of the ADEME DPE open data (`dpe03existant`, CSV) into `DpeRecord` rows."""

import csv
import itertools
from collections.abc import Iterable, Iterator
from datetime import date

from .models import DpeRecord

# Column names of the ADEME export (data.ademe.fr, dataset "dpe03existant").
COLUMNS = {
    "number": "numero_dpe",
    "address": "adresse_ban",
    "postcode": "code_postal_ban",
    "established_on": "date_etablissement_dpe",
    "energy_label": "etiquette_dpe",
    "ghg_label": "etiquette_ges",
    "primary_energy_kwh_m2": "conso_5_usages_par_m2_ep",
    "ghg_kg_m2": "emission_ges_5_usages_par_m2",
    "surface_m2": "surface_habitable_logement",
    "heating": "type_energie_principale_chauffage",
}
LABELS = set("ABCDEFG")
BATCH = 2_000


def read(lines: Iterator[str]) -> Iterator[dict | None]:
    """Each row as model fields, or None for a row that cannot be used (and is skipped).

    `lines` is an open text file (read as it goes: a whole département fits in little memory);
    the delimiter, `,` or `;`, is taken from the header.
    """
    header = next(lines, "")
    delimiter = ";" if header.count(";") > header.count(",") else ","
    reader = csv.DictReader(itertools.chain([header], lines), delimiter=delimiter)
    required = {COLUMNS[name] for name in ("number", "address", "energy_label")}
    missing = required - set(reader.fieldnames or [])
    if missing:
        raise ValueError(f"missing columns: {', '.join(sorted(missing))}")
    for row in reader:
        yield _fields(row)


def _fields(row: dict) -> dict | None:
    try:
        fields = {
            "number": row[COLUMNS["number"]].strip(),
            "address": row[COLUMNS["address"]].strip(),
            "postcode": (row.get(COLUMNS["postcode"]) or "").strip()[:5],
            "energy_label": row[COLUMNS["energy_label"]].strip().upper(),
            "ghg_label": (row.get(COLUMNS["ghg_label"]) or "").strip().upper(),
            "primary_energy_kwh_m2": round(float(row[COLUMNS["primary_energy_kwh_m2"]])),
            "ghg_kg_m2": round(float(row[COLUMNS["ghg_kg_m2"]])),
            "heating": (row.get(COLUMNS["heating"]) or "").strip()[:60],
        }
        surface = (row.get(COLUMNS["surface_m2"]) or "").strip()
        fields["surface_m2"] = round(float(surface)) if surface else None
        established = (row.get(COLUMNS["established_on"]) or "").strip()
        fields["established_on"] = date.fromisoformat(established[:10]) if established else None
    except (KeyError, ValueError):
        return None
    usable = (
        fields["number"]
        and fields["address"]
        and {fields["energy_label"], fields["ghg_label"]} <= LABELS
        and 0 <= fields["primary_energy_kwh_m2"] < 32_768
        and 0 <= fields["ghg_kg_m2"] < 32_768
    )
    return fields if usable else None


def import_rows(rows: Iterable[dict | None]) -> dict[str, int]:
    """Upsert by DPE number, in batches; counts created, updated and skipped rows."""
    counts = {"created": 0, "updated": 0, "skipped": 0}
    batch = []
    for fields in rows:
        if fields is None:
            counts["skipped"] += 1
            continue
        batch.append(fields)
        if len(batch) == BATCH:
            _save(batch, counts)
            batch = []
    _save(batch, counts)
    return counts


def _save(batch: list[dict], counts: dict[str, int]) -> None:
    if not batch:
        return
    known = set(
        DpeRecord.objects.filter(number__in=[f["number"] for f in batch]).values_list(
            "number", flat=True
        )
    )
    DpeRecord.objects.bulk_create(
        [DpeRecord(**fields) for fields in batch],
        update_conflicts=True,
        unique_fields=["number"],
        update_fields=[name for name in COLUMNS if name != "number"],
    )
    counts["updated"] += len(known)
    counts["created"] += len(batch) - len(known)
