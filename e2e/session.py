"""Signing in without the login form (which has its own journey)."""

from django.test import Client


def logged_in(new_page, live_server, user, page=None, **options):
    """`page` (or a new one opened with Playwright `options`) carrying the user's session."""
    client = Client()
    client.force_login(user)
    page = page or new_page(**options)
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )
    return page
