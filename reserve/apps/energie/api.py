"""Énergie JSON API: the household diagnostic, and the public figures."""

import json
from datetime import date
from typing import Literal

from django.conf import settings
from django.http import JsonResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema

from reserve.core.clients import client_ip, hit_rate_limit

from . import diagnostic, messages, queries

router = Router(tags=["energie"])


class DiagnosticIn(Schema):
    date: str | None = Field(None, description="AAAA-MM-JJ ; aujourd'hui par défaut")
    household_size: int = Field(..., ge=1, le=diagnostic.MAX_HOUSEHOLD)
    reference_tax_income: float = Field(..., ge=0, description="€ par an")
    region: Literal["ile-de-france", "other"]
    surface_m2: float | None = Field(None, ge=1)
    primary_energy_kwh_m2: float | None = Field(None, ge=0)
    ghg_kg_m2: float | None = Field(None, ge=0)
    annual_energy_bill_eur: float | None = Field(None, ge=0)
    heating_energy: Literal["electricity", "gas", "fuel_oil", "wood"] | None = None
    dwelling: Literal["flat", "house"] | None = None


class ErrorOut(Schema):
    errors: list[dict[str, str]]


FIELDS = tuple(DiagnosticIn.model_fields)
NUMBERS = (
    "household_size",
    "reference_tax_income",
    "surface_m2",
    "primary_energy_kwh_m2",
    "ghg_kg_m2",
    "annual_energy_bill_eur",
)


def _errors(errors: list[tuple[str, str]], status: int = 422) -> JsonResponse:
    body = {"errors": [{"field": field, "message": str(message)} for field, message in errors]}
    return JsonResponse(body, status=status)


def _parse(body: bytes) -> tuple[dict, date, list[tuple[str, str]]]:
    """The payload as plain values, its date, and every field that is not even of its type."""
    try:
        payload = json.loads(body or b"null")
    except (ValueError, UnicodeDecodeError):
        return {}, None, [("body", _("Le corps de la requête doit être un objet JSON."))]
    if not isinstance(payload, dict):
        return {}, None, [("body", _("Le corps de la requête doit être un objet JSON."))]
    errors = []
    day = timezone.localdate()
    if payload.get("date") is not None:
        try:
            day = date.fromisoformat(str(payload["date"]))
        except ValueError:
            errors.append(("date", messages.text({"key": "error.date", "params": {}})))
    for name in NUMBERS:
        value = payload.get(name)
        if isinstance(value, str):
            errors.append((name, messages.text({"key": "error.number", "params": {}})))
    return payload, day, errors


@router.post(
    "/diagnostic",
    response={200: dict, 422: ErrorOut, 429: ErrorOut},
    summary="Diagnostic d'un foyer : chèque énergie, MaPrimeRénov', DPE, taux d'effort",
    description=(
        "Une simulation, pas une décision. Les règles appliquées sont celles en vigueur à `date` "
        "(aujourd'hui par défaut). Chaque partie donne son explication (dans la langue de "
        "l'en-tête Accept-Language), la règle appliquée (`rule`) et sa source. Une entrée "
        "invalide renvoie 422 et nomme chaque champ en cause."
    ),
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {"application/json": {"schema": DiagnosticIn.model_json_schema()}},
        }
    },
)
def diagnose(request):
    if hit_rate_limit("diagnostic", client_ip(request), settings.ENERGIE_DIAGNOSTICS_PER_IP_HOUR):
        return _errors([("__all__", _("Trop de diagnostics depuis cette connexion."))], 429)
    payload, day, errors = _parse(request.body)
    if errors and not payload:
        return _errors(errors)
    bad = {field for field, _message in errors}
    household = diagnostic.Household(
        household_size=None if "household_size" in bad else payload.get("household_size"),
        reference_tax_income=(
            None if "reference_tax_income" in bad else payload.get("reference_tax_income")
        ),
        region=payload.get("region"),
        **{
            name: None if name in bad else payload.get(name)
            for name in (
                "surface_m2",
                "primary_energy_kwh_m2",
                "ghg_kg_m2",
                "annual_energy_bill_eur",
            )
        },
        heating_energy=payload.get("heating_energy"),
        dwelling=payload.get("dwelling") or "flat",
    )
    try:
        diagnostic.validate(household)
    except diagnostic.InvalidInputs as invalid:
        errors += [
            (e.field, messages.text({"key": e.key, "params": e.params}))
            for e in invalid.errors
            if e.field not in bad
        ]
    if errors:
        order = {name: i for i, name in enumerate(FIELDS)}
        return _errors(sorted(errors, key=lambda error: order.get(error[0], len(order))))
    result = diagnostic.diagnose(household, day)
    return JsonResponse(messages.translated(result, day=day.isoformat()))


@router.get("/figures", response=list[dict], summary="Chiffres publics d'Énergie")
def figures(request):
    return [{**f, "label": str(f["label"])} for f in queries.impact_figures()]
