"""Citizen apps are plugins (ARCHITECTURE.md, principle 6): the contract they sign.

A citizen app is a Django app whose AppConfig inherits `CitizenApp`. The platform finds it in
INSTALLED_APPS and nothing else names it: `reserve/urls.py` mounts its pages, `reserve/api.py` its
API router, the base template lists it in the navigation (and its staff pages in the staff menu),
the home page presents it, the scheduler runs its periodic jobs, the home counters and the API
stats add its counters, and the page of the challenge it came from shows its impact indicators.
Removing it from INSTALLED_APPS leaves a working site. `reserve/apps/README.md` explains how to
add one; `check_citizen_apps` refuses to start a platform whose plugin misses a declaration.
"""

from dataclasses import dataclass
from datetime import timedelta
from functools import cache
from importlib import import_module

from django.apps import AppConfig, apps
from django.core import checks
from django.urls import NoReverseMatch, reverse
from django.utils.module_loading import import_string
from django.utils.text import slugify
from django_tasks.base import Task


class CitizenApp(AppConfig):
    """Base AppConfig of a citizen app. Required: `title`, `nav_label`, `summary` and
    `challenge_slug`; everything else has a default derived from the app's `label` and `name`."""

    title = ""  # its public name, e.g. "LightsOff — éteignons les vitrines la nuit"
    nav_label = ""  # short, for the main navigation
    summary = ""  # one or two sentences presenting it on the home page
    challenge_slug = ""  # the challenge that produced it: its page shows the indicators
    home_heading = ""  # the home page section's heading; defaults to `title`
    # (label, url name) pairs: the first is the home page's main button; defaults to the index.
    home_links: list = []
    staff_links: list = []  # (label, url name) pairs for the staff menu
    url_prefix = ""  # where its pages live; defaults to "<label>/"
    urls_module = ""  # defaults to "<name>.urls", which sets `app_name` to the app's label
    index_url_name = ""  # defaults to "<label>:index"
    api_router = ""  # dotted path of a ninja Router, if it has an API
    api_prefix = ""  # defaults to "/<label>"
    periodic_tasks: list = []  # (django-tasks task taking no argument, timedelta) pairs

    # Django picks the one AppConfig of an apps.py marked `default` among those it defines or
    # imports: this base class, imported there, must not be it, while each plugin is.
    default = False

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        cls.default = cls.__dict__.get("default", True)

    def __init__(self, app_name, app_module):
        super().__init__(app_name, app_module)
        self.url_prefix = self.url_prefix or f"{self.label}/"
        self.urls_module = self.urls_module or f"{self.name}.urls"
        self.index_url_name = self.index_url_name or f"{self.label}:index"
        self.api_prefix = self.api_prefix or f"/{self.label}"

    def public_counters(self) -> list:
        """`reserve.core.stats.Counter`s shown on the home page and in `/api/stats`."""
        return []

    def impact_indicators(self) -> list[dict]:
        """Indicators for the page of the challenge it came from: dicts with `key`, `label`,
        `value` (a number), `unit` (possibly empty) and `source` (where the figure comes from)."""
        return []


def citizen_app_configs() -> list[CitizenApp]:
    return [config for config in apps.get_app_configs() if isinstance(config, CitizenApp)]


@cache
def navigation() -> list[dict]:
    """Built once per process (the base template reads it on every page); labels stay lazy."""
    return [
        {
            "label": config.nav_label,
            "url": reverse(config.index_url_name),
            "staff_links": [(label, reverse(name)) for label, name in config.staff_links],
        }
        for config in citizen_app_configs()
    ]


@cache
def home_sections() -> list[dict]:
    """What the home page says of each citizen app: a heading, a summary and its links."""
    return [
        {
            "slug": config.label,
            "heading": config.home_heading or config.title,
            "summary": config.summary,
            "links": [
                (label, reverse(name))
                for label, name in config.home_links or [(config.nav_label, config.index_url_name)]
            ],
        }
        for config in citizen_app_configs()
    ]


@dataclass(frozen=True)
class ProducedApp:
    title: str
    url: str
    figures: list[dict]


def citizen_apps_of(challenge_slug: str) -> list[ProducedApp]:
    """The citizen apps a challenge produced, with their current impact indicators."""
    return [
        ProducedApp(config.title, reverse(config.index_url_name), config.impact_indicators())
        for config in citizen_app_configs()
        if config.challenge_slug == challenge_slug
    ]


def check_citizen_apps(app_configs=None, **kwargs) -> list[checks.CheckMessage]:
    """System check (`manage.py check`, and every start): each plugin declares what it must."""
    configs = [
        config for config in citizen_app_configs() if app_configs is None or config in app_configs
    ]
    errors = []
    for config in configs:
        errors += _missing_declarations(config)
        errors += _unmountable(config)
        errors += _unreachable_links(config)
        errors += _malformed_periodic_tasks(config)
    errors += _shared_prefixes(citizen_app_configs())
    return errors


def _error(config, message, hint, number):
    return checks.Error(message, hint=hint, obj=config, id=f"plugins.E{number:03}")


def _missing_declarations(config):
    required = [
        ("title", 1, "its public name"),
        ("nav_label", 2, "a short label for the main navigation"),
        ("summary", 3, "one or two sentences for the home page"),
        ("challenge_slug", 4, "the slug of the challenge that produced it"),
    ]
    errors = [
        _error(
            config,
            f"Citizen app {config.label!r} does not declare `{attribute}`.",
            f"Set `{attribute}` on {type(config).__name__}: {what}.",
            number,
        )
        for attribute, number, what in required
        if not str(getattr(config, attribute))
    ]
    if config.challenge_slug and slugify(config.challenge_slug) != config.challenge_slug:
        errors.append(
            _error(
                config,
                f"Citizen app {config.label!r}: challenge_slug {config.challenge_slug!r} "
                "is not a slug.",
                "Use the slug in the challenge's address, e.g. 'commerces-eclaires-la-nuit'.",
                4,
            )
        )
    return errors


def _unmountable(config):
    errors = []
    prefix = config.url_prefix
    if prefix.startswith("/") or not prefix.endswith("/"):
        errors.append(
            _error(
                config,
                f"Citizen app {config.label!r}: url_prefix {prefix!r} must end with '/' "
                "and not start with one.",
                f"For example url_prefix = '{config.label}/'.",
                5,
            )
        )
    try:
        namespace = getattr(import_module(config.urls_module), "app_name", None)
    except ImportError as exc:
        return [
            *errors,
            _error(
                config,
                f"Citizen app {config.label!r}: urls_module {config.urls_module!r} "
                f"cannot be imported ({exc}).",
                "Create the module or point `urls_module` at it.",
                6,
            ),
        ]
    if not namespace:
        errors.append(
            _error(
                config,
                f"Citizen app {config.label!r}: {config.urls_module} sets no `app_name`.",
                f"Add `app_name = {config.label!r}` so that its url names are namespaced.",
                6,
            )
        )
    if config.api_router:
        if not config.api_prefix.startswith("/"):
            errors.append(
                _error(
                    config,
                    f"Citizen app {config.label!r}: api_prefix {config.api_prefix!r} "
                    "must start with '/'.",
                    f"For example api_prefix = '/{config.label}'.",
                    7,
                )
            )
        try:
            import_string(config.api_router)
        except ImportError as exc:
            errors.append(
                _error(
                    config,
                    f"Citizen app {config.label!r}: api_router {config.api_router!r} "
                    f"cannot be imported ({exc}).",
                    "Point `api_router` at a ninja Router, e.g. 'reserve.apps.x.api.router'.",
                    7,
                )
            )
    return errors


def _unreachable_links(config):
    names = [config.index_url_name]
    names += [name for _label, name in [*config.home_links, *config.staff_links]]
    errors = []
    for name in names:
        try:
            reverse(name)
        except NoReverseMatch:
            errors.append(
                _error(
                    config,
                    f"Citizen app {config.label!r} links to {name!r}, which is no url name "
                    "without arguments.",
                    "Name a page of its urls_module (index_url_name, home_links, staff_links).",
                    8,
                )
            )
    return errors


def _malformed_periodic_tasks(config):
    entries = list(config.periodic_tasks)
    if all(
        isinstance(entry, tuple | list)
        and len(entry) == 2
        and isinstance(entry[0], Task)
        and isinstance(entry[1], timedelta)
        for entry in entries
    ):
        return []
    return [
        _error(
            config,
            f"Citizen app {config.label!r}: periodic_tasks must be (task, timedelta) pairs.",
            "List `(tasks.some_job, timedelta(hours=1))` where `some_job` is a @task().",
            9,
        )
    ]


def _shared_prefixes(configs):
    errors = []
    for attribute in ("url_prefix", "api_prefix"):
        seen = {}
        for config in configs:
            value = getattr(config, attribute)
            if attribute == "api_prefix" and not config.api_router:
                continue
            if value in seen:
                errors.append(
                    _error(
                        config,
                        f"Citizen apps {seen[value].label!r} and {config.label!r} share "
                        f"{attribute} {value!r}.",
                        "Give each citizen app its own.",
                        10,
                    )
                )
            seen[value] = config
    return errors
