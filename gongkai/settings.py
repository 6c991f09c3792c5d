"""One settings module, driven by environment variables.

With no environment set Gongkai runs embedded: SQLite (WAL) under GONGKAI_DATA_DIR, local files,
console e-mail. Each GONGKAI_* variable below switches one piece to a real service.
"""

import os
from pathlib import Path
from urllib.parse import unquote, urlparse

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = BASE_DIR.parent


def env(name, default=""):
    return os.environ.get(name, default)


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


DATA_DIR = Path(env("GONGKAI_DATA_DIR", str(PROJECT_DIR / "var")))
DATA_DIR.mkdir(parents=True, exist_ok=True)  # SQLite cannot create its file in a missing folder

DEBUG = env_bool("GONGKAI_DEBUG", False)
# The development key is refused in production by a system check (gongkai/checks.py).
DEVELOPMENT_SECRET_KEY = "gongkai-development-key-not-for-production"
SECRET_KEY = env("GONGKAI_SECRET_KEY", DEVELOPMENT_SECRET_KEY)
PRODUCTION = env_bool("GONGKAI_PRODUCTION", False)
ALLOWED_HOSTS = [h for h in env("GONGKAI_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]").split(",") if h]
if DEBUG:
    ALLOWED_HOSTS = ["*"]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "rest_framework",
    "drf_spectacular",
    "axes",
    "gongkai.events",
    "gongkai.workdays",
    "gongkai.orgs",
    "gongkai.plans",
    "gongkai.ledger",
    "gongkai.supervision",
    "gongkai.notifications",
    "gongkai.bulletins",
    "gongkai.assessment",
    "gongkai.review",
    "gongkai.foi",
    "gongkai.documents",
    "gongkai.search",
    "gongkai.api",
    "gongkai.portal",
    "gongkai.demo",
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
    # Last, as django-axes asks: it turns locked-out logins into a clear page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "gongkai.urls"
WSGI_APPLICATION = "gongkai.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "gongkai.portal.context_processors.admin_banners",
                "gongkai.notifications.context_processors.unread_notifications",
                "gongkai.documents.context_processors.documents_navigation",
            ],
        },
    },
]

DATABASE_URL = env("GONGKAI_DATABASE_URL")
if DATABASE_URL:
    DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=60)}
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": DATA_DIR / "gongkai.sqlite3",
            "OPTIONS": {
                # WAL lets the web server read while `gongkai tick` or an import writes.
                "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
                "transaction_mode": "IMMEDIATE",
                "timeout": 20,
            },
        }
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "orgs.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

# Login throttling (django-axes): five failures lock a username from an address for 15 minutes.
AXES_FAILURE_LIMIT = int(env("GONGKAI_LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = 0.25  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_VERBOSE = False

# The deployment speaks Chinese whatever the browser asks for. English (the msgids) is offered only
# where a deployment enables it, and then the page header carries a language switch.
LANGUAGE_CODE = "zh-hans"
GONGKAI_ALLOW_ENGLISH = env_bool("GONGKAI_ALLOW_ENGLISH", False)
LANGUAGES = [("zh-hans", "简体中文")] + ([("en", "English")] if GONGKAI_ALLOW_ENGLISH else [])
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
# WhiteNoise serves the app's static files straight from the package: no CDN, no collectstatic step.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG
MEDIA_URL = "/media/"
MEDIA_ROOT = DATA_DIR / "media"

# Uploaded plan files are read in memory; larger files are refused with a message, never a 500.
PLAN_UPLOAD_MAX_BYTES = int(env("GONGKAI_PLAN_UPLOAD_MAX_BYTES", str(20 * 1024 * 1024)))
# Attachments of published documents: scanned gazettes and plans run large.
DOCUMENT_ATTACHMENT_MAX_BYTES = int(env("GONGKAI_DOCUMENT_ATTACHMENT_MAX_BYTES", str(50 * 1024 * 1024)))
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

EMAIL_URL = env("GONGKAI_EMAIL_URL")
if EMAIL_URL:
    _email = urlparse(EMAIL_URL)
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_HOST = _email.hostname or "localhost"
    EMAIL_PORT = _email.port or 25
    EMAIL_HOST_USER = unquote(_email.username or "")
    EMAIL_HOST_PASSWORD = unquote(_email.password or "")
    EMAIL_USE_TLS = _email.scheme == "smtp+tls"
    EMAIL_USE_SSL = _email.scheme == "smtps"
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
DEFAULT_FROM_EMAIL = env("GONGKAI_FROM_EMAIL", "gongkai@localhost")
# The address people reach the site at: links in e-mails and calendar feeds point here.
SITE_URL = env("GONGKAI_SITE_URL", "http://localhost:8000")

REDIS_URL = env("GONGKAI_REDIS_URL")
if REDIS_URL:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}}
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "gongkai.api.authentication.ApiTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.LimitOffsetPagination",
    "PAGE_SIZE": 100,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Gongkai API",
    "DESCRIPTION": "Units, plans and (later) applications and documents of a Gongkai deployment.",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": "/api/v1/",
    "ENUM_NAME_OVERRIDES": {
        "ApplicationStatusEnum": "gongkai.foi.models.Status",
        "DecisionStatusEnum": "gongkai.foi.models.DecisionStatus",
        "ChannelEnum": "gongkai.foi.models.Channel",
        "RegistrableChannelEnum": "gongkai.foi.api_serializers.REGISTRABLE_CHANNELS",
    },
}

SESSION_COOKIE_HTTPONLY = True
CSRF_FAILURE_VIEW = "gongkai.portal.errors.csrf_failure"  # the site's own page, not Django's English one
SESSION_COOKIE_SECURE = PRODUCTION
CSRF_COOKIE_SECURE = PRODUCTION
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("GONGKAI_LOG_LEVEL", "WARNING")},
}

# Evidence files of progress reports (PDF, DOCX, XLSX, images), checked by content.
EVIDENCE_MAX_BYTES = int(env("GONGKAI_EVIDENCE_MAX_BYTES", str(20 * 1024 * 1024)))

# The conventions rules.md leaves open (gongkai/conventions.py), each GONGKAI_<NAME> in the
# environment; a bad value stops the start here rather than bend a deadline later.
from django.core.exceptions import ImproperlyConfigured  # noqa: E402

from gongkai.conventions import from_environment  # noqa: E402

try:
    globals().update(from_environment(os.environ))
except ValueError as error:
    raise ImproperlyConfigured(str(error)) from error
