from .roles import Role, roles_of


def roles(request):
    """The visitor's roles, for the menus: `{% if Role.STAFF in user_roles %}`."""
    return {"user_roles": roles_of(request.user), "Role": Role}
