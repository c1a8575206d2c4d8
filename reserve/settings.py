"""One settings module for every environment, driven by environment variables.

With no variable set it runs a local demo: SQLite in WAL mode, DEBUG on, e-mails printed on the
console. Production sets DEBUG=0, SECRET_KEY, ALLOWED_HOSTS, DATABASE_URL, SITE_URL and an e-mail
transport; `manage.py check --deploy` is then clean. docs/configuration.md lists every variable.
"""

import os
from pathlib import Path

import dj_database_url
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


DEBUG = env_bool("DEBUG", True)
# `manage.py seed_demo` creates accounts with a public password: only where this is on.
DEMO_DATA = env_bool("DEMO_DATA", DEBUG)

SECRET_KEY = env_str("SECRET_KEY")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off.")
    # Only ever used by a local demo: production refuses to start without its own key.
    SECRET_KEY = "local-demo-only-" + "k3y-n0t-f0r-pr0duct10n-" * 2

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
    "django_tasks",
    "django_tasks_db",
    "ninja",
    "js_lib_leaflet",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
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

# Background tasks: a database-backed queue, worked by `manage.py db_worker`.
TASKS = {
    "default": {
        "BACKEND": env_str("TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
    }
}

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

CHALLENGE_QUALIFICATION_DAYS = env_int("CHALLENGE_QUALIFICATION_DAYS", 7)

# Reservists: inactive accounts get a reminder, then are anonymised unless the person logs in.
RESERVIST_INACTIVE_REMINDER_DAYS = env_int("RESERVIST_INACTIVE_REMINDER_DAYS", 365)
RESERVIST_ANONYMISE_AFTER_REMINDER_DAYS = env_int("RESERVIST_ANONYMISE_AFTER_REMINDER_DAYS", 61)
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

# LightsOff
LIGHTSOFF_FOLLOW_UP_DAYS = env_int("LIGHTSOFF_FOLLOW_UP_DAYS", 7)
LIGHTSOFF_CONTACT_INTERVAL_DAYS = env_int("LIGHTSOFF_CONTACT_INTERVAL_DAYS", 30)
LIGHTSOFF_PURGE_DAYS = env_int("LIGHTSOFF_PURGE_DAYS", 90)
LIGHTSOFF_CLAIM_MINUTES = env_int("LIGHTSOFF_CLAIM_MINUTES", 30)
LIGHTSOFF_REPORTS_PER_IP_HOUR = env_int("LIGHTSOFF_REPORTS_PER_IP_HOUR", 30)
LIGHTSOFF_REPORTS_PER_EMAIL_HOUR = env_int("LIGHTSOFF_REPORTS_PER_EMAIL_HOUR", 10)
LIGHTSOFF_PHOTO_MAX_BYTES = env_int("LIGHTSOFF_PHOTO_MAX_BYTES", 8_000_000)
LIGHTSOFF_MAP_CACHE_SECONDS = env_int("LIGHTSOFF_MAP_CACHE_SECONDS", 30)

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
