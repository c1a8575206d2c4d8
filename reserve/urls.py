from django.conf import settings
from django.contrib import admin
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from .api import api
from .core.plugins import citizen_app_configs
from .core.views import admin_login

admin.site.site_header = _("La Réserve — administration")
admin.site.site_title = _("La Réserve")

urlpatterns = [
    path("", include("reserve.core.urls")),
    path("compte/", include("reserve.accounts.urls")),
    path("compte/", include("allauth.urls")),
    path("organisations/", include("reserve.organisations.urls")),
    path("defis/", include("reserve.challenges.urls")),
    path("reserve/", include("reserve.reservists.urls")),
    path("equipes/", include("reserve.teams.urls")),
    path("sprints/", include("reserve.sprints.urls")),
    path("impact/", include("reserve.impact.urls")),
    path("api/", api.urls),
    path("admin/login/", admin_login, name="admin_login"),  # before the admin's own form
    path("admin/", admin.site.urls),
]

# Citizen apps are plugins (reserve/core/plugins.py): each is mounted from its AppConfig.
urlpatterns += [
    path(config.url_prefix, include(config.urls_module)) for config in citizen_app_configs()
]

handler403 = "reserve.core.views.error_403"
handler404 = "reserve.core.views.error_404"
handler500 = "reserve.core.views.error_500"

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
