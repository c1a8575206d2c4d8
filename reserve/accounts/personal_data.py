"""Export and erasure of a person's data, gathered from every app that holds some.

An app takes part through its AppConfig (see `reserve.core.privacy`): `personal_data(user)`
gives what to export, `forget_personal_data(user)` erases or anonymises what the foreign keys
would not, and `personal_data_models` / `personal_data_exempt` declare which models hold data
about a person (the system check in checks.py keeps that list true).
"""

from django.apps import apps


def export(user) -> dict:
    data = {}
    for config in apps.get_app_configs():
        exporter = getattr(config, "personal_data", None)
        if exporter is not None:
            data[config.label] = exporter(user)
    return data


def forget(user) -> None:
    """Let every app erase what it holds about the person, before the account row goes."""
    for config in apps.get_app_configs():
        forgetter = getattr(config, "forget_personal_data", None)
        if forgetter is not None:
            forgetter(user)
