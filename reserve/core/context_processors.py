from django.conf import settings

from reserve.accounts.roles import Role, roles_of

from . import plugins
from .notify import unread_count


def platform(request):
    return {
        "user_roles": roles_of(request.user),
        "Role": Role,
        "SITE_URL": settings.SITE_URL,
        "citizen_apps": plugins.navigation,
        # A callable: counted (one query, then cached) only where a template shows it.
        "unread_notifications": lambda: unread_count(request.user),
    }
