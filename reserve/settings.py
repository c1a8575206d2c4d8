"""One settings module for every environment, driven by environment variables.

DEBUG is off unless DEBUG=1. Without SECRET_KEY, the key is this installation's own, generated
once in var/secret_key: never a public one. The local demo (`make run`, the tests) sets DEBUG=1:
SQLite in WAL mode, e-mails printed on the console. Production sets SECRET_KEY, ALLOWED_HOSTS,
DATABASE_URL, SITE_URL and an e-mail transport; `manage.py check --deploy` is then clean.
docs/configuration.md lists every variable.
"""

import os
import secrets
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def env_str(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name)
    return int(value) if value not in (None, "") else default


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", False)
# `manage.py seed_demo` creates accounts with a public password: only where this is on.
DEMO_DATA = env_bool("DEMO_DATA", DEBUG)


def per_install_secret(path: Path) -> str:
    """This installation's own random key, created once in var/ (mode 0600), never a public one.

    Created under a temporary name and linked into place, so that processes starting together
    (gunicorn's workers) all end up reading the same key.
    """
    if not path.exists():
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            draft = path.with_name(f".{path.name}.{os.getpid()}")
            draft.write_text(secrets.token_urlsafe(50))
            draft.chmod(0o600)
            try:
                os.link(draft, path)
            except FileExistsError:
                pass
            finally:
                draft.unlink()
        except OSError as error:
            raise ImproperlyConfigured(
                f"No SECRET_KEY and {path} cannot be written ({error}): set SECRET_KEY."
            ) from error
    return path.read_text().strip()


SECRET_KEY = env_str("SECRET_KEY") or per_install_secret(
    Path(env_str("SECRET_KEY_FILE", str(BASE_DIR / "var" / "secret_key")))
)

SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", SITE_URL)

INSTALLED_APPS = [
    "reserve.core",
    "reserve.accounts",
    "reserve.organisations",
    "reserve.reservists",
    "reserve.challenges",
    "reserve.teams",
    "reserve.sprints",
    "reserve.impact",
    "reserve.apps.lightsoff",
    "reserve.apps.energie",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sites",
    "allauth",
    "allauth.account",
    "django_htmx",
    "lucide",
    "django_tasks",
    "django_tasks_db",
    "ninja",
    "js_lib_leaflet",
    "csp",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
]

ROOT_URLCONF = "reserve.urls"
WSGI_APPLICATION = "reserve.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "reserve" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "reserve.core.context_processors.platform",
                "reserve.accounts.context_processors.roles",
            ],
        },
    },
]

# Database: SQLite (WAL, busy timeout, immediate transactions) unless DATABASE_URL says otherwise.
SQLITE_PATH = Path(env_str("SQLITE_PATH", str(BASE_DIR / "var" / "db.sqlite3")))
DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL") or f"sqlite:///{SQLITE_PATH}",
        conn_max_age=env_int("DB_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    Path(DATABASES["default"]["NAME"]).parent.mkdir(parents=True, exist_ok=True)
    DATABASES["default"]["OPTIONS"] = {
        # A larger page cache (32 MB) and memory-mapped reads (256 MB) for the persistent
        # connections: the pool search probes tens of thousands of rows at random.
        "init_command": (
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; "
            "PRAGMA cache_size=-32000; PRAGMA mmap_size=268435456;"
        ),
        "timeout": 20,
        "transaction_mode": "IMMEDIATE",
    }
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # A web request's queries are short: compiling them (PostgreSQL's JIT, on by default above a
    # cost threshold) took longer than running them, e.g. 400 ms for a 120 ms pool search.
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = "-c jit=off"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Rate limits (ours and allauth's) count in the cache: with several web processes it must be shared
# (REDIS_URL), or each process counts apart; WEB_CONCURRENCY (also read by gunicorn) says how many.
WEB_CONCURRENCY = env_int("WEB_CONCURRENCY", 1)
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": env_str("REDIS_URL"),
    }
    if env_str("REDIS_URL")
    else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
}

SITE_ID = 1  # named "La Réserve" by reserve/core/migrations; allauth signs its e-mails with it
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "accounts:dashboard"

# Every form renders its fields with the design system's one field template.
FORM_RENDERER = "reserve.core.forms.FormRenderer"

# django-allauth: e-mail only, verified before first login, login by code, rate limits on.
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_SIGNUP_FORM_CLASS = "reserve.accounts.forms.SignupForm"
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_EMAIL_VERIFICATION_BY_CODE_ENABLED = False
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_LOGIN_BY_CODE_ENABLED = True
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[La Réserve] "
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "https" if SITE_URL.startswith("https") else "http"
# Who a client is, behind a reverse proxy (reserve/core/clients.py; configuration.md). 0 and
# unset: the connection's address, which is the proxy's when there is one.
TRUSTED_PROXY_HOPS = env_int("TRUSTED_PROXY_HOPS", 0)
TRUSTED_CLIENT_IP_HEADER = env_str("TRUSTED_CLIENT_IP_HEADER")
ALLAUTH_TRUSTED_PROXY_COUNT = TRUSTED_PROXY_HOPS
ALLAUTH_TRUSTED_CLIENT_IP_HEADER = TRUSTED_CLIENT_IP_HEADER or None
ACCOUNT_RATE_LIMITS = {
    "login": "30/m/ip",
    "login_failed": "10/m/ip,5/5m/key",
    "signup": "20/m/ip",
    "confirm_email": "1/3m/key",
    "reset_password": "20/m/ip,5/m/key",
    "reset_password_from_key": "20/m/ip",
    "request_login_code": "20/m/ip,3/m/key",
    "change_password": "5/m/user",
    "manage_email": "10/m/user",
}

# E-mail: every message goes through the outbox (a database record and a background task); the
# delivery backend below is what the task finally uses.
EMAIL_BACKEND = "reserve.core.mail.OutboxBackend"
EMAIL_DELIVERY_BACKEND = env_str(
    "EMAIL_DELIVERY_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend"
    if env_str("EMAIL_HOST")
    else "django.core.mail.backends.console.EmailBackend",
)
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 587)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", EMAIL_PORT == 587)
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", EMAIL_PORT == 465)
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 20)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "La Réserve <contact@lareserve.localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
OUTBOX_MAX_ATTEMPTS = env_int("OUTBOX_MAX_ATTEMPTS", 6)
# Seconds a worker's claim on a message it is sending lasts; after that the message counts as
# abandoned (its worker died) and is sent again. Keep it well above a slow SMTP exchange.
OUTBOX_LEASE_SECONDS = env_int("OUTBOX_LEASE_SECONDS", 300)

# Background tasks: a database-backed queue, worked by `manage.py db_worker`.
TASKS = {
    "default": {
        "BACKEND": env_str("TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
    }
}
# A running task beats every TASK_HEARTBEAT_SECONDS; one silent for TASK_LEASE_SECONDS lost its
# worker and is queued again, up to TASK_MAX_ATTEMPTS workers lost, then marked failed.
TASK_HEARTBEAT_SECONDS = env_int("TASK_HEARTBEAT_SECONDS", 10)
TASK_LEASE_SECONDS = env_int("TASK_LEASE_SECONDS", 60)
TASK_MAX_ATTEMPTS = env_int("TASK_MAX_ATTEMPTS", 3)

LANGUAGE_CODE = "fr"
LANGUAGES = [("fr", _("Français")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "reserve" / "locale"]
TIME_ZONE = "Europe/Paris"
USE_I18N = True
USE_TZ = True
LANGUAGE_COOKIE_SECURE = not DEBUG
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"

STATIC_URL = "/static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(BASE_DIR / "var" / "static")))
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(BASE_DIR / "var" / "media")))
# Private files (reserve/core/files.py): "django", "nginx" (X-Accel-Redirect) or "sendfile".
PRIVATE_FILES_SERVER = env_str("PRIVATE_FILES_SERVER", "django")
PRIVATE_FILES_INTERNAL_URL = env_str("PRIVATE_FILES_INTERNAL_URL", "/private-media/")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}

DATA_UPLOAD_MAX_MEMORY_SIZE = env_int("DATA_UPLOAD_MAX_MEMORY_SIZE", 2_621_440)
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440

# Security: strict by default outside DEBUG; a reverse proxy terminates TLS.
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
SESSION_COOKIE_HTTPONLY = True
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0 if DEBUG else 31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", not DEBUG)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# HSTS preloading is a commitment an operator makes with the browsers, not a default we impose.
SILENCED_SYSTEM_CHECKS = ["security.W021"]

ADMINS = [("Admin", email) for email in env_list("ADMINS")]

# The map tiles every map of the platform uses (OpenStreetMap by default).
MAP_TILE_URL = env_str("MAP_TILE_URL", "https://tile.openstreetmap.org/{z}/{x}/{y}.png")
MAP_ATTRIBUTION = env_str("MAP_ATTRIBUTION", "© contributeurs OpenStreetMap")


def tile_origin(url_template: str) -> list[str]:
    """The tiles' origin for the CSP: `https://{s}.tiles.org/{z}/...` -> `https://*.tiles.org`."""
    scheme, __, rest = url_template.partition("://")
    host = rest.split("/", 1)[0].replace("{s}", "*")
    return [f"{scheme}://{host}"] if scheme in {"http", "https"} and host else []


# Content-Security-Policy (django-csp): scripts and styles only from our own files, never inline
# (no inline script or style attribute in any template); images also from the map tiles' server.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:", *tile_origin(MAP_TILE_URL)],
        "connect-src": [SELF],
        "font-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}

CHALLENGE_QUALIFICATION_DAYS = env_int("CHALLENGE_QUALIFICATION_DAYS", 7)

# Every account: after this long with no login, a reminder; then deletion unless the person logs in.
INACTIVE_ACCOUNT_REMINDER_DAYS = env_int("INACTIVE_ACCOUNT_REMINDER_DAYS", 365)
INACTIVE_ACCOUNT_DELETE_AFTER_REMINDER_DAYS = env_int(
    "INACTIVE_ACCOUNT_DELETE_AFTER_REMINDER_DAYS", 61
)
# A sign-up whose e-mail address was never confirmed is deleted after this many days.
UNCONFIRMED_ACCOUNT_DELETE_DAYS = env_int("UNCONFIRMED_ACCOUNT_DELETE_DAYS", 7)
# Seconds a staff search keeps its ordered result ids (0: off; any profile change clears it).
POOL_CACHE_SECONDS = env_int("POOL_CACHE_SECONDS", 60)
# Teams: hours a reservist has to answer an invitation to join a team.
TEAM_INVITATION_HOURS = env_int("TEAM_INVITATION_HOURS", 48)
# Extra invitations a new role slot allows beyond its seats left (editable per slot).
TEAM_OVERBOOKING = env_int("TEAM_OVERBOOKING", 0)
# Whether a new challenge invites the next candidate by itself after a decline or an expiry.
TEAM_AUTO_REPLACE = env_bool("TEAM_AUTO_REPLACE", False)
# One reminder e-mail when a pending invitation's deadline is this many hours away.
TEAM_REMINDER_HOURS = env_int("TEAM_REMINDER_HOURS", 12)
# Sprints: a sprint's check-in is late after this many days without one.
SPRINT_CHECKIN_LATE_DAYS = env_int("SPRINT_CHECKIN_LATE_DAYS", 8)
# Sprints: a blocker open for more than this many days puts the sprint at risk on the board.
SPRINT_BLOCKER_DAYS = env_int("SPRINT_BLOCKER_DAYS", 3)
# Sprints: more hours than this for one person in one week are flagged for validation.
SPRINT_MAX_WEEKLY_HOURS = env_int("SPRINT_MAX_WEEKLY_HOURS", 60)
# Matching rules and weights (points); each proposal stores them with its instance, so that it
# replays with the figures it used.
TEAM_MATCHING = {
    "max_concurrent_challenges": env_int("TEAM_MAX_CONCURRENT_CHALLENGES", 2),
    "rest_days": env_int("TEAM_REST_DAYS", 14),
    "never_engaged_bonus": env_int("TEAM_NEVER_ENGAGED_BONUS", 10),
    "candidates_per_slot": env_int("TEAM_CANDIDATES_PER_SLOT", 30),
    "weights": {
        name: env_int(f"TEAM_WEIGHT_{name.upper()}", points)
        for name, points in [
            ("skill_fit", 20),
            ("level", 25),
            ("interest", 20),
            ("availability", 10),
            ("locality", 10),
            ("fairness", 15),
            ("urgency", 10),
        ]  # fmt: skip
    },
}

# LightsOff
LIGHTSOFF_FOLLOW_UP_DAYS = env_int("LIGHTSOFF_FOLLOW_UP_DAYS", 7)
LIGHTSOFF_CONTACT_INTERVAL_DAYS = env_int("LIGHTSOFF_CONTACT_INTERVAL_DAYS", 30)
LIGHTSOFF_PURGE_DAYS = env_int("LIGHTSOFF_PURGE_DAYS", 90)
LIGHTSOFF_CLAIM_MINUTES = env_int("LIGHTSOFF_CLAIM_MINUTES", 30)
LIGHTSOFF_REPORTS_PER_IP_HOUR = env_int("LIGHTSOFF_REPORTS_PER_IP_HOUR", 30)
LIGHTSOFF_REPORTS_PER_EMAIL_HOUR = env_int("LIGHTSOFF_REPORTS_PER_EMAIL_HOUR", 10)
LIGHTSOFF_PHOTO_MAX_BYTES = env_int("LIGHTSOFF_PHOTO_MAX_BYTES", 8_000_000)
LIGHTSOFF_MAP_CACHE_SECONDS = env_int("LIGHTSOFF_MAP_CACHE_SECONDS", 30)
LIGHTSOFF_CONFIRMATIONS = env_int("LIGHTSOFF_CONFIRMATIONS", 2)
LIGHTSOFF_FOLLOW_UPS_PER_IP_HOUR = env_int("LIGHTSOFF_FOLLOW_UPS_PER_IP_HOUR", 20)
LIGHTSOFF_ABUSE_THRESHOLD = env_int("LIGHTSOFF_ABUSE_THRESHOLD", 3)
LIGHTSOFF_ABUSE_PER_IP_HOUR = env_int("LIGHTSOFF_ABUSE_PER_IP_HOUR", 20)
LIGHTSOFF_SHOPKEEPER_ANSWERS_PER_IP_HOUR = env_int("LIGHTSOFF_SHOPKEEPER_ANSWERS_PER_IP_HOUR", 30)

# Énergie (reserve/apps/energie): household files are deleted after this many days without
# activity; the follow-up comes this many days after a fitting.
ENERGIE_PURGE_DAYS = env_int("ENERGIE_PURGE_DAYS", 365)
ENERGIE_FOLLOW_UP_DAYS = env_int("ENERGIE_FOLLOW_UP_DAYS", 90)
ENERGIE_VISIT_HOURS = env_int("ENERGIE_VISIT_HOURS", 2)
ENERGIE_DIAGNOSTICS_PER_IP_HOUR = env_int("ENERGIE_DIAGNOSTICS_PER_IP_HOUR", 600)
# EcoWatt from RTE's API (free account, OAuth2 client credentials); unset: file or staff entry.
RTE_CLIENT_ID = env_str("RTE_CLIENT_ID")
RTE_CLIENT_SECRET = env_str("RTE_CLIENT_SECRET")
RTE_TOKEN_URL = env_str("RTE_TOKEN_URL", "https://digital.iservices.rte-france.com/token/oauth/")
RTE_ECOWATT_URL = env_str(
    "RTE_ECOWATT_URL", "https://digital.iservices.rte-france.com/open_api/ecowatt/v5/signals"
)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {"django.db.backends": {"level": "INFO"}},
}
