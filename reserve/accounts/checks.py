"""Start-up check: every model that can hold data about a person is covered by its app.

A model with a foreign key to the user or an e-mail field must appear in its app's
`personal_data_models` (exported and erased by the app's hooks) or in `personal_data_exempt`
with the reason it holds nothing personal. A new model cannot slip out of the export and the
erasure unnoticed.
"""

from django.apps import apps
from django.conf import settings
from django.core import checks
from django.db import models

# Third-party apps whose data our own hooks cover (accounts handles allauth's addresses and
# the admin's history).
COVERED_ELSEWHERE = {
    "account.EmailAddress": "accounts",
    "admin.LogEntry": "accounts",
}


def personal_models() -> list:
    """Models with a link to the user or an e-mail field (the user model itself excluded)."""
    user_model = apps.get_model(settings.AUTH_USER_MODEL)
    found = []
    for model in apps.get_models():
        if model is user_model:
            continue
        fields = model._meta.get_fields()
        if any(_is_personal(field, user_model) for field in fields):
            found.append(model)
    return found


def _is_personal(field, user_model) -> bool:
    if isinstance(field, models.EmailField):
        return True
    return bool(
        field.is_relation
        and field.related_model is user_model
        and (field.many_to_one or field.one_to_one or field.many_to_many)
        and not field.auto_created
    )


@checks.register()
def check_personal_data_coverage(app_configs=None, **kwargs) -> list:
    errors = []
    for model in personal_models():
        label = model._meta.label
        config = _owner(model)
        declared = set(getattr(config, "personal_data_models", ()))
        exempt = dict(getattr(config, "personal_data_exempt", {}))
        if label in declared or label in exempt:
            continue
        errors.append(
            checks.Error(
                f"{label} has a link to a user or an e-mail field but {config.label}'s AppConfig "
                "neither exports and erases it nor says why it holds no personal data.",
                hint=(
                    f"Add {label!r} to personal_data_models (and cover it in personal_data() and "
                    "forget_personal_data()) or to personal_data_exempt with the reason."
                ),
                obj=model,
                id="accounts.E001",
            )
        )
    return errors


def _owner(model):
    label = model._meta.label
    if label in COVERED_ELSEWHERE:
        return apps.get_app_config(COVERED_ELSEWHERE[label])
    return model._meta.app_config
