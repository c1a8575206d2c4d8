"""Export and erasure of a person's data, gathered from every app that holds some.

An app takes part by giving its AppConfig a `personal_data(user) -> dict` method (what to export);
erasure relies on foreign keys: rows that belong to the person cascade, audit entries are kept with
their author set to null.
"""

from django.apps import apps


def export(user) -> dict:
    data = {}
    for config in apps.get_app_configs():
        exporter = getattr(config, "personal_data", None)
        if exporter is not None:
            data[config.label] = exporter(user)
    return data
