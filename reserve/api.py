"""The JSON API: one NinjaAPI, each app contributing a router. OpenAPI at /api/openapi.json."""

from django.http import Http404
from django.utils.module_loading import import_string
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from ninja import NinjaAPI
from ninja.errors import HttpError, ValidationError

from reserve.challenges.api import router as challenges_router
from reserve.core.api import router as core_router
from reserve.core.plugins import citizen_app_configs
from reserve.impact.api import router as impact_router
from reserve.organisations.api import router as organisations_router

SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}


class NotJson(Exception):
    """A write whose body is not JSON."""


def json_writes_only(request) -> bool:
    """Refuse a write whose body is not JSON (415).

    A page on another site can make a browser send a form or a `text/plain` body to any address
    without asking first (a "simple" request); a JSON body is sent only after a CORS preflight,
    which the API never grants. Requiring JSON keeps other sites from writing in a visitor's
    name. It is given to Ninja as `auth` because Ninja runs that for the operation a request
    reached (an unknown method still gets 405) and before reading its body.
    """
    if request.method in SAFE_METHODS or request.content_type == "application/json":
        return True
    raise NotJson


ERRORS = {
    "type": "object",
    "required": ["errors"],
    "properties": {
        "errors": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["field", "message"],
                "properties": {"field": {"type": "string"}, "message": {"type": "string"}},
            },
        }
    },
}
WRITES = {"post", "put", "patch", "delete"}


def errors_response(description: str) -> dict:
    return {"description": description, "content": {"application/json": {"schema": ERRORS}}}


class ReserveAPI(NinjaAPI):
    def get_openapi_schema(self, *args, **kwargs):
        """Every operation documents the errors every operation can give, in one error format."""
        schema = super().get_openapi_schema(*args, **kwargs)
        for operations in schema["paths"].values():
            for method, operation in operations.items():
                responses, parameters = operation["responses"], operation.get("parameters", [])
                if parameters or "requestBody" in operation:
                    responses.setdefault("422", errors_response("Invalid input, field named"))
                if "requestBody" in operation:
                    responses.setdefault("400", errors_response("Body is not valid JSON"))
                if any(parameter["in"] == "path" for parameter in parameters):
                    responses.setdefault("404", errors_response("Not found"))
                if method in WRITES:
                    responses.setdefault("415", errors_response("Body not sent as JSON"))
        return schema


api = ReserveAPI(
    title="La Réserve",
    version="1",
    description=str(_("API publique de La Réserve. Les erreurs nomment le champ en cause.")),
    urls_namespace="api",
    auth=json_writes_only,
)


@api.exception_handler(Http404)
def not_found(request, exc):
    """A 404 names the path parameter that matched nothing (e.g. a challenge's slug)."""
    names = list(request.resolver_match.kwargs) if request.resolver_match else []
    field = names[0] if len(names) == 1 else "__all__"
    return api.create_response(
        request, {"errors": [{"field": field, "message": gettext("Introuvable.")}]}, status=404
    )


@api.exception_handler(HttpError)
def http_error(request, exc):
    # Ninja raises a 400 when the body cannot be parsed; other HTTP errors keep their text.
    if exc.status_code == 400:
        field, message = "body", gettext("Le corps de la requête n'est pas un JSON valide.")
    else:
        field, message = "__all__", str(exc)
    return api.create_response(
        request, {"errors": [{"field": field, "message": message}]}, status=exc.status_code
    )


@api.exception_handler(NotJson)
def not_json(request, exc):
    message = gettext("Envoyez un corps JSON, avec l'en-tête Content-Type: application/json.")
    return api.create_response(
        request, {"errors": [{"field": "Content-Type", "message": message}]}, status=415
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
api.add_router("/impact", impact_router)

# Citizen apps are plugins (reserve/core/plugins.py): one naming an `api_router` adds it.
for config in citizen_app_configs():
    if config.api_router:
        api.add_router(config.api_prefix, import_string(config.api_router))
