"""Citizen apps are plugins: each declares itself on its AppConfig (ARCHITECTURE.md, principle 6).

An AppConfig with `citizen_app = True` gives a `title`, a short `nav_label`, the `challenge_slug`
of the challenge it came from, a `url_prefix` where `reserve/urls.py` mounts it, `staff_links`
(label, url name) for the staff menu, and `impact_figures()`: a list of `{"key", "label", "value"}`
shown on that challenge's public page.
"""

from dataclasses import dataclass
from functools import cache

from django.apps import apps
from django.urls import reverse


@dataclass(frozen=True)
class CitizenApp:
    title: str
    url: str
    figures: list[dict]


def citizen_app_configs():
    return [config for config in apps.get_app_configs() if getattr(config, "citizen_app", False)]


@cache
def navigation() -> list[dict]:
    """Built once per process (the base template reads it on every page); labels stay lazy."""
    return [
        {
            "label": config.nav_label,
            "url": f"/{config.url_prefix}",
            "staff_links": [(label, reverse(name)) for label, name in config.staff_links],
        }
        for config in citizen_app_configs()
    ]


def citizen_apps_of(challenge_slug: str) -> list[CitizenApp]:
    return [
        CitizenApp(config.title, f"/{config.url_prefix}", config.impact_figures())
        for config in citizen_app_configs()
        if config.challenge_slug == challenge_slug
    ]
