"""Django settings. SQLite by default; set DATABASE_URL for PostgreSQL."""

import os
from pathlib import Path

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("RIGHTSLENS_VAR_DIR", BASE_DIR / "var"))
VAR_DIR.mkdir(parents=True, exist_ok=True)


def _secret(name: str, filename: str) -> str:
    """A secret from the environment, or one generated once and kept in var/ (outside the DB)."""
    if os.environ.get(name):
        return os.environ[name]
    path = VAR_DIR / filename
    if not path.exists():
        from secrets import token_urlsafe

        path.write_text(token_urlsafe(50))
        path.chmod(0o600)
    return path.read_text().strip()


SECRET_KEY = _secret("RIGHTSLENS_SECRET_KEY", "secret_key")
# Key for grievance identity encryption: kept outside the database on purpose.
GRIEVANCE_KEY = _secret("RIGHTSLENS_GRIEVANCE_KEY", "grievance_key")
DEBUG = os.environ.get("RIGHTSLENS_DEBUG", "1") == "1"
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
    "rightslens.accounts",
    "rightslens.inventory",
    "rightslens.assessments",
    "rightslens.hub",
    "rightslens.engagement",
    "rightslens.grievances",
    "rightslens.policy",
    "rightslens.procurement",
    "rightslens.api",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
]

ROOT_URLCONF = "rightslens.urls"
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

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
LOGIN_URL = "/accounts/login/"
LOGIN_REDIRECT_URL = "/"
LOGOUT_REDIRECT_URL = "/"

LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English"), ("fr", "Français"), ("es", "Español")]
LOCALE_PATHS = [BASE_DIR / "rightslens" / "locale"]
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
MEDIA_ROOT = Path(os.environ.get("RIGHTSLENS_MEDIA_ROOT", VAR_DIR / "media"))
MEDIA_URL = "/media/"
DATA_UPLOAD_MAX_MEMORY_SIZE = 30 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 30 * 1024 * 1024

EMAIL_BACKEND = os.environ.get(
    "RIGHTSLENS_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend"
)
DEFAULT_FROM_EMAIL = "RightsLens <no-reply@rightslens.example>"

# Background work: in-process by default; Celery + Redis when a broker is configured.
CELERY_BROKER_URL = os.environ.get("RIGHTSLENS_BROKER_URL", "")
CELERY_RESULT_BACKEND = os.environ.get("RIGHTSLENS_RESULT_BACKEND", CELERY_BROKER_URL or None)

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
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {"rightslens": {"level": "INFO"}},
}

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
# Production (RIGHTSLENS_DEBUG=0): session and CSRF cookies only over HTTPS, HTTPS enforced.
if not DEBUG:
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = os.environ.get("RIGHTSLENS_SSL_REDIRECT", "1") == "1"
    SECURE_HSTS_SECONDS = int(os.environ.get("RIGHTSLENS_HSTS_SECONDS", "31536000"))
    if os.environ.get("RIGHTSLENS_BEHIND_TLS_PROXY") == "1":  # only behind a proxy that sets it
        SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

RIGHTSLENS_LLM_ENDPOINT = os.environ.get("RIGHTSLENS_LLM_ENDPOINT", "")
RIGHTSLENS_LLM_MODEL = os.environ.get("RIGHTSLENS_LLM_MODEL", "")
