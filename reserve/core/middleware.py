from django.http import JsonResponse
from django.utils.translation import gettext as _

SAFE_METHODS = {"GET", "HEAD", "OPTIONS", "TRACE"}


class JsonOnlyApiWrites:
    """The JSON API refuses a write whose body is not JSON, with 415.

    A page on another site can make a browser send a form or a `text/plain` body to any address
    without asking first (a "simple" request); a JSON body can only be sent after a CORS
    preflight, which the API never grants. Requiring JSON keeps other sites from writing in a
    visitor's name.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if match is None or match.namespace != "api" or request.method in SAFE_METHODS:
            return None
        if request.content_type == "application/json":
            return None
        message = _("Envoyez un corps JSON, avec l'en-tête Content-Type: application/json.")
        return JsonResponse({"errors": [{"field": "Content-Type", "message": message}]}, status=415)
