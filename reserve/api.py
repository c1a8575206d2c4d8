"""The JSON API: one NinjaAPI, each app contributing a router. OpenAPI at /api/openapi.json."""

from django.utils.module_loading import import_string
from django.utils.translation import gettext_lazy as _
from ninja import NinjaAPI
from ninja.errors import ValidationError

from reserve.challenges.api import router as challenges_router
from reserve.core.api import router as core_router
from reserve.core.plugins import citizen_app_configs
from reserve.organisations.api import router as organisations_router

api = NinjaAPI(
    title="La Réserve",
    version="1",
    description=str(_("API publique de La Réserve. Les erreurs nomment le champ en cause.")),
    urls_namespace="api",
)


@api.exception_handler(ValidationError)
def validation_error(request, exc):
    """Every invalid input names its field: `{"errors": [{"field": "...", "message": "..."}]}`."""
    errors = [
        {
            "field": ".".join(str(part) for part in error["loc"][1:]) or error["loc"][0],
            "message": error["msg"],
        }
        for error in exc.errors
    ]
    return api.create_response(request, {"errors": errors, "detail": exc.errors}, status=422)


api.add_router("/", core_router)
api.add_router("/organisations", organisations_router)
api.add_router("/challenges", challenges_router)

# Citizen apps are plugins (reserve/core/plugins.py): one naming an `api_router` adds it.
for config in citizen_app_configs():
    if config.api_router:
        api.add_router(config.api_prefix, import_string(config.api_router))
