"""Django settings. SQLite by default; set DATABASE_URL for PostgreSQL."""

import os
from pathlib import Path

import dj_database_url
from celery.schedules import crontab

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("RIGHTSLENS_VAR_DIR", BASE_DIR / "var"))
VAR_DIR.mkdir(parents=True, exist_ok=True, mode=0o700)


def _secret(name: str, filename: str) -> str:
    """A secret from the environment, or one generated once and kept in var/ (outside the DB)."""
    if os.environ.get(name):
        return os.environ[name]
    path = VAR_DIR / filename
    if not path.exists():
        from secrets import token_urlsafe

        # Created 0600 from the first byte; O_EXCL: two processes starting at once agree.
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            pass
        else:
            with os.fdopen(fd, "w") as handle:
                handle.write(token_urlsafe(50))
    return path.read_text().strip()


SECRET_KEY = _secret("RIGHTSLENS_SECRET_KEY", "secret_key")
# Key for grievance identity encryption: kept outside the database on purpose.
GRIEVANCE_KEY = _secret("RIGHTSLENS_GRIEVANCE_KEY", "grievance_key")
# During a key rotation: older keys, still used to read (never to write). See docs/deploy.md.
GRIEVANCE_OLD_KEYS = [
    k for k in os.environ.get("RIGHTSLENS_GRIEVANCE_OLD_KEYS", "").split(",") if k.strip()
]
# dumpdata/loaddata keep encrypted fields as ciphertext (rightslens/ops/serializers).
SERIALIZATION_MODULES = {
    fmt: f"rightslens.ops.serializers.{fmt}" for fmt in ("json", "jsonl", "python", "xml")
} | {"yaml": "rightslens.ops.serializers.pyyaml"}
# Off unless asked for: `make run` sets RIGHTSLENS_DEBUG=1 for local work.
DEBUG = os.environ.get("RIGHTSLENS_DEBUG", "0") == "1"
ALLOWED_HOSTS = os.environ.get("RIGHTSLENS_ALLOWED_HOSTS", "127.0.0.1,localhost,testserver").split(
    ","
)

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_htmx",
    "django.forms",  # with FORM_RENDERER below: form widgets use rightslens/templates overrides
    "rightslens.accounts",
    "rightslens.inventory",
    "rightslens.assessments",
    "rightslens.hub",
    "rightslens.probes",
    "rightslens.engagement",
    "rightslens.grievances",
    "rightslens.policy",
    "rightslens.procurement",
    "rightslens.disclosure",
    "rightslens.api",
    "rightslens.notifications",
    "rightslens.ops",
    "rightslens.ux",
    "rightslens.search",
    "rightslens.imports",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "rightslens.accounts.languages.LastLanguageMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "rightslens.ops.headers.SecurityHeadersMiddleware",
    "rightslens.accounts.devices.KnownDeviceMiddleware",
]

ROOT_URLCONF = "rightslens.urls"
# Widgets render through the project's templates, so rightslens/templates/django/forms/ can say
# "Choose…" instead of Django's "---------" placeholder.
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "rightslens" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "rightslens.accounts.context.current_organisation",
                "rightslens.accounts.context.organisation_nav",
            ]
        },
    }
]
WSGI_APPLICATION = "rightslens.wsgi.application"

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{VAR_DIR / 'rightslens.sqlite3'}", conn_max_age=60
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # Two writers at once: the second waits for the lock (up to 20 s) instead of failing with
    # "database is locked", and write transactions take the lock when they begin (IMMEDIATE),
    # so a reader never has to upgrade to a writer half-way through.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {"timeout": 20, "transaction_mode": "IMMEDIATE"}
    )
if DATABASES["default"]["ENGINE"].endswith("sqlite3") and DATABASES["default"]["NAME"]:
    # The SQLite file is readable by its owner only, like the keys (its journal and WAL files
    # take the same mode). Created here, before the first connection, so it is never 0644.
    _sqlite = Path(DATABASES["default"]["NAME"])
    if str(_sqlite) != ":memory:" and _sqlite.parent.is_dir():
        os.close(os.open(_sqlite, os.O_RDWR | os.O_CREAT, 0o600))
        _sqlite.chmod(0o600)

# Applied at signup, on password change and in the admin.
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "/accounts/login/"
LOGIN_REDIRECT_URL = "/"
LOGOUT_REDIRECT_URL = "/"

LANGUAGE_CODE = "en"
# The public grievance channel speaks all of these; staff pages fall back to English where a string
# has no translation. Arabic is laid out right to left (base.html sets dir from the language).
LANGUAGES = [
    ("en", "English"),
    ("fr", "Français"),
    ("es", "Español"),
    ("ar", "العربية"),
    ("zh-hans", "简体中文"),
    ("ru", "Русский"),
    ("sw", "Kiswahili"),
    ("pt", "Português"),
    ("id", "Bahasa Indonesia"),
    ("de", "Deutsch"),
    ("hi", "हिन्दी"),
    ("bn", "বাংলা"),
]
LOCALE_PATHS = [BASE_DIR / "rightslens" / "locale"]
# One date format per language: the |day filter (rightslens/ux) uses DATE_FORMAT; English keeps "6 Dec 2026".
FORMAT_MODULE_PATH = ["rightslens.formats"]
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [
    BASE_DIR / "rightslens" / "static",
    ("vendor/htmx", BASE_DIR / "node_modules" / "htmx.org" / "dist"),
    ("vendor/axe", BASE_DIR / "node_modules" / "axe-core"),
]
# Static files: `manage.py collectstatic` into STATIC_ROOT (compressed), served by WhiteNoise from
# the app itself under gunicorn; with DEBUG on they are served straight from their folders.
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedStaticFilesStorage"
    },
}
WHITENOISE_USE_FINDERS = DEBUG
MEDIA_ROOT = Path(os.environ.get("RIGHTSLENS_MEDIA_ROOT", VAR_DIR / "media"))
MEDIA_URL = "/media/"
FILE_UPLOAD_PERMISSIONS = 0o600  # uploaded files: owner only
FILE_UPLOAD_DIRECTORY_PERMISSIONS = 0o700
DATA_UPLOAD_MAX_MEMORY_SIZE = 30 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 30 * 1024 * 1024

EMAIL_BACKEND = os.environ.get(
    "RIGHTSLENS_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend"
)
DEFAULT_FROM_EMAIL = "RightsLens <no-reply@rightslens.example>"

# Background work: in-process by default; Celery + Redis when a broker is configured.
CELERY_BROKER_URL = os.environ.get("RIGHTSLENS_BROKER_URL", "")
CELERY_RESULT_BACKEND = os.environ.get("RIGHTSLENS_RESULT_BACKEND", CELERY_BROKER_URL or None)
# Notifications: scan for things falling due every hour, send daily digests at 07:00.
CELERY_BEAT_SCHEDULE = {
    "notifications-scan": {
        "task": "rightslens.run_job",
        "schedule": 3600.0,
        "args": ["notifications.scan", {}],
    },
    "notifications-digest": {
        "task": "rightslens.run_job",
        "schedule": crontab(hour=7, minute=0),
        "args": ["notifications.digest", {}],
    },
    # Review reminders to owners once a day.
    "review-reminders": {
        "task": "rightslens.run_job",
        "schedule": 24 * 3600,
        "args": ["cycle.reminders", {"organisation_id": None}],
    },
}

# Rate limits live in the cache: share it between processes in production (Redis).
CACHES = {
    "default": (
        {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": os.environ["RIGHTSLENS_CACHE_URL"],
        }
        if os.environ.get("RIGHTSLENS_CACHE_URL")
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    )
}

# Grievance content must never reach logs in plain text: only ids and states are logged.
# JSON lines (rightslens/ops/logs.py) unless DEBUG is on or RIGHTSLENS_LOG_FORMAT=text.
LOG_FORMAT = os.environ.get("RIGHTSLENS_LOG_FORMAT", "text" if DEBUG else "json")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"json": {"()": "rightslens.ops.logs.JsonFormatter"}},
    "handlers": {
        "console": {"class": "rightslens.ops.logs.StderrHandler"}
        | ({"formatter": "json"} if LOG_FORMAT == "json" else {})
    },
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {"rightslens": {"level": "INFO"}},
}

SESSION_COOKIE_HTTPONLY = True
# Templates render the CSRF token (forms, htmx's hx-headers): no script needs the cookie.
CSRF_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = CSRF_COOKIE_SAMESITE = LANGUAGE_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
# Production (RIGHTSLENS_DEBUG=0): session and CSRF cookies only over HTTPS, HTTPS enforced.
if not DEBUG:
    SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = LANGUAGE_COOKIE_SECURE = True
    # __Host- cookies: secure, whole site, never shared with a subdomain.
    SESSION_COOKIE_NAME, CSRF_COOKIE_NAME = "__Host-sessionid", "__Host-csrftoken"
    SECURE_SSL_REDIRECT = os.environ.get("RIGHTSLENS_SSL_REDIRECT", "1") == "1"
    SECURE_HSTS_SECONDS = int(os.environ.get("RIGHTSLENS_HSTS_SECONDS", "31536000"))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = os.environ.get("RIGHTSLENS_HSTS_SUBDOMAINS", "1") == "1"
    SECURE_HSTS_PRELOAD = os.environ.get("RIGHTSLENS_HSTS_PRELOAD", "0") == "1"
    if not SECURE_HSTS_PRELOAD:
        # Preloading is a near-irreversible listing in browsers: the operator opts in (docs).
        SILENCED_SYSTEM_CHECKS = ["security.W021"]
    # Probes inside the container speak plain HTTP to gunicorn.
    SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]
    if os.environ.get("RIGHTSLENS_BEHIND_TLS_PROXY") == "1":  # only behind a proxy that sets it
        SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

RIGHTSLENS_LLM_ENDPOINT = os.environ.get("RIGHTSLENS_LLM_ENDPOINT", "")
RIGHTSLENS_LLM_MODEL = os.environ.get("RIGHTSLENS_LLM_MODEL", "")
