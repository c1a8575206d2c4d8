"""The theme a person chose (light or dark): one cookie for the whole site.

core/static/core/theme.js writes it from the header's switch and applies it before the page
paints; pages that choose a theme on the server (LightsOff's street pages, dark at night) read it
first, and forms that work without JavaScript write the same cookie. It is readable by the script
on purpose (no HttpOnly): it holds a preference, nothing secret.
"""

COOKIE = "reserve-theme"
THEMES = ("dark", "light")
COOKIE_SECONDS = 365 * 24 * 3600


def chosen(request) -> str | None:
    """ "dark" or "light" if the person chose, else None."""
    value = request.COOKIES.get(COOKIE)
    return value if value in THEMES else None


def remember(response, theme: str, secure: bool) -> None:
    response.set_cookie(
        COOKIE, theme, max_age=COOKIE_SECONDS, samesite="Lax", secure=secure, httponly=False
    )
