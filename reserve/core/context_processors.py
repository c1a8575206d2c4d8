from django.conf import settings

from reserve.accounts.roles import Role, roles_of

from . import plugins


def platform(request):
    return {
        "user_roles": roles_of(request.user),
        "Role": Role,
        "SITE_URL": settings.SITE_URL,
        "citizen_apps": plugins.navigation,
    }
