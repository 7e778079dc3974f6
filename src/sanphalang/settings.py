"""Settings for Sanphalang, read from the environment with strict parsing."""

import os
import secrets
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

PACKAGE_DIR = Path(__file__).resolve().parent


def env_bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    lowered = raw.strip().lower()
    if lowered in {"1", "true", "yes", "on"}:
        return True
    if lowered in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {raw!r}")


def env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    try:
        return int(raw)
    except ValueError as exc:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {raw!r}") from exc


def env_list(name: str, default: list[str]) -> list[str]:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    return [item.strip() for item in raw.split(",") if item.strip()]


DATA_DIR = Path(os.environ.get("SANPHALANG_DATA_DIR", Path.cwd() / "var")).resolve()


def secret_key_of_data_dir(data_dir: Path, name: str = "secret_key") -> str:
    """The key kept in DATA_DIR/<name>, made at random on first start (readable by its owner only).

    Written to a temporary file first and linked into place, so a second process starting at the same moment
    reads either no file or the whole key, and both end up with the same one."""
    path = data_dir / name
    if not path.exists():
        data_dir.mkdir(parents=True, exist_ok=True)
        temporary = data_dir / f".{name}.{os.getpid()}.{secrets.token_hex(4)}"
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "w") as file:
            file.write(secrets.token_urlsafe(64))
        try:
            os.link(temporary, path)
        except FileExistsError:
            pass  # another process made it first: use theirs
        finally:
            temporary.unlink()
    if path.stat().st_mode & 0o077:
        raise ImproperlyConfigured(f"{path} must be readable by its owner only: chmod 600 {path}")
    key = path.read_text().strip()
    if len(key) < 50:
        raise ImproperlyConfigured(f"{path} holds no usable key: delete it and a new one is made on start")
    return key


DEBUG = env_bool("SANPHALANG_DEBUG", False)
SECRET_KEY = os.environ.get("SANPHALANG_SECRET_KEY", "") or secret_key_of_data_dir(DATA_DIR)
# National IDs of the people in care are encrypted with a key of its own (care/protection.py), so that a leaked
# SECRET_KEY or database alone does not give them away. Earlier keys (comma-separated) still decrypt while their
# records are re-encrypted.
PERSONAL_DATA_KEY = os.environ.get("SANPHALANG_PERSONAL_DATA_KEY", "") or secret_key_of_data_dir(
    DATA_DIR, "personal_data_key"
)
PERSONAL_DATA_OLD_KEYS = env_list("SANPHALANG_PERSONAL_DATA_OLD_KEYS", [])
# Closed cases are kept this many days after closing, then their people are anonymised by the daily purge.
CARE_RETENTION_DAYS = int(os.environ.get("SANPHALANG_CARE_RETENTION_DAYS", str(5 * 365)))

ALLOWED_HOSTS = env_list("SANPHALANG_ALLOWED_HOSTS", ["127.0.0.1", "localhost", "testserver"])
CSRF_TRUSTED_ORIGINS = env_list("SANPHALANG_CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_htmx",
    # django-autocomplete-light's web component, for the pickers of long lists (web/pickers.py). Its "dal" app is
    # left out: it only ships the jQuery script, which nothing here uses.
    "dal_alight",
    "bootstrap",
    "simple_history",
    "axes",
    "csp",
    "sanphalang.thai",
    "sanphalang.web",
    "sanphalang.accounts",
    "sanphalang.areas",
    "sanphalang.directory",
    "sanphalang.imports",
    "sanphalang.meetings",
    "sanphalang.welfare",
    "sanphalang.plans",
    "sanphalang.care",
    "sanphalang.reports",
    "sanphalang.ingest",
    "ninja",
    "sanphalang.api",
    "sanphalang.demo",
    "sanphalang.ops",
    "django_tasks",
    "django_tasks_db",
    "sanphalang.jobs",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "sanphalang.accounts.audit.RequestAddressMiddleware",
    "sanphalang.web.middleware.UserLanguageMiddleware",
    "sanphalang.api.middleware.ApiMethodNotAllowedMiddleware",
    "csp.middleware.CSPMiddleware",
    "sanphalang.web.middleware.AccessDeniedMiddleware",
    # Last, as django-axes asks: it turns a locked login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "sanphalang.urls"
WSGI_APPLICATION = "sanphalang.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "sanphalang.web.context_processors.navigation",
                "sanphalang.care.context_processors.care_sections",
            ],
            "builtins": ["sanphalang.thai.templatetags.thai"],
        },
    }
]

_database_url = os.environ.get("DATABASE_URL", "").strip()
if _database_url:
    DATABASES = {"default": dj_database_url.parse(_database_url, conn_max_age=60)}
else:
    DATA_DIR.mkdir(parents=True, exist_ok=True)
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": os.environ.get("SANPHALANG_SQLITE_PATH", str(DATA_DIR / "sanphalang.sqlite3")),
            "OPTIONS": {
                # WAL lets the web server read while an import writes.
                "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
                "transaction_mode": "IMMEDIATE",
                "timeout": 20,
            },
            # A file, not memory, so that a worker process of the jobs' tests reaches the test database.
            "TEST": {"NAME": str(DATA_DIR / "test-sanphalang.sqlite3")},
        }
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "web:home"
LOGOUT_REDIRECT_URL = "accounts:login"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "th"
LANGUAGES = [("th", "ไทย"), ("en", "English")]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
TIME_ZONE = "Asia/Bangkok"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("SANPHALANG_STATIC_ROOT", DATA_DIR / "static"))
# Served straight from the packages' static folders until `collectstatic` has filled STATIC_ROOT (demo, tests).
WHITENOISE_USE_FINDERS = True
STATIC_ROOT.mkdir(parents=True, exist_ok=True)
STATICFILES_DIRS = [PACKAGE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
MEDIA_ROOT = DATA_DIR / "media"
MEDIA_URL = "/media/"

# Uploads larger than this are refused with a message rather than read into memory.
IMPORT_MAX_UPLOAD_BYTES = env_int("SANPHALANG_IMPORT_MAX_UPLOAD_BYTES", 5 * 1024 * 1024)
IMPORT_MAX_ROWS = env_int("SANPHALANG_IMPORT_MAX_ROWS", 50_000)
IMPORT_MAX_COLUMNS = env_int("SANPHALANG_IMPORT_MAX_COLUMNS", 200)
# What an uploaded workbook may unpack to (its XML parts together), checked before any is read.
IMPORT_MAX_UNPACKED_BYTES = env_int("SANPHALANG_IMPORT_MAX_UNPACKED_BYTES", 100 * 1024 * 1024)
# Boundary files (GeoJSON, zipped Shapefiles) of the whole country run to tens of megabytes.
BOUNDARY_MAX_UPLOAD_BYTES = env_int("SANPHALANG_BOUNDARY_MAX_UPLOAD_BYTES", 100 * 1024 * 1024)
BOUNDARY_MAX_UNPACKED_BYTES = env_int("SANPHALANG_BOUNDARY_MAX_UNPACKED_BYTES", 400 * 1024 * 1024)
BOUNDARY_MAX_FEATURES = env_int("SANPHALANG_BOUNDARY_MAX_FEATURES", 100_000)
DATA_UPLOAD_MAX_MEMORY_SIZE = IMPORT_MAX_UPLOAD_BYTES + 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = IMPORT_MAX_UPLOAD_BYTES + 1024 * 1024

# Backups keep datetimes to the microsecond, so a restored database is identical (ops/exact_json.py).
SERIALIZATION_MODULES = {"json-exact": "sanphalang.ops.exact_json"}

# How long read-access records of personal data are kept (PDPA accountability).
AUDIT_LOG_RETENTION_DAYS = env_int("SANPHALANG_AUDIT_LOG_RETENTION_DAYS", 5 * 365)

LIST_PAGE_SIZE = env_int("SANPHALANG_LIST_PAGE_SIZE", 50)

# How long an API token's user is kept in the cache between calls; revocation clears it at once.
API_TOKEN_CACHE_SECONDS = env_int("SANPHALANG_API_TOKEN_CACHE_SECONDS", 30)
_cache_url = os.environ.get("SANPHALANG_CACHE_URL", "").strip()
CACHES = {
    "default": (
        {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": _cache_url}
        if _cache_url
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "sanphalang"}
    )
}

# Long work (imports, reconciling) runs as jobs on the database queue: `sanphalang serve` runs a worker beside the
# web server and `sanphalang worker` runs more (docs/jobs.md tells how to use RQ or Celery instead).
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
# A running job's progress and its worker's lease: files on one machine, the shared Redis on several.
CACHES["jobs"] = (
    {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": _cache_url, "KEY_PREFIX": "jobs"}
    if _cache_url
    else {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": str(DATA_DIR / "jobs"),
    }
)
# A running job whose worker has not been heard from for this long is marked failed.
JOBS_LEASE_SECONDS = env_int("SANPHALANG_JOBS_LEASE_SECONDS", 30)

SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
# Served over HTTPS through a reverse proxy on the same machine (nginx, Caddy…): cookies only over HTTPS, plain
# HTTP redirected, browsers told to come back over HTTPS only (HSTS). Off for the demo on http://127.0.0.1.
HTTPS = env_bool("SANPHALANG_HTTPS", False)
# The proxy that `sanphalang serve` trusts for the client's address and scheme (X-Forwarded-For and -Proto).
HTTPS_PROXY_ADDRESS = os.environ.get("SANPHALANG_PROXY_ADDRESS", "127.0.0.1")
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = SECURE_SSL_REDIRECT = HTTPS
SECURE_HSTS_SECONDS = 365 * 24 * 3600 if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = SECURE_HSTS_PRELOAD = HTTPS
# For WSGI servers other than `sanphalang serve`, whose proxy says the request came over HTTPS in this header.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if HTTPS else None

# Every page: scripts, styles, images and fonts from this site only; no inline script, no framing.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        # Bootstrap draws its icons (menu, select arrows, validation marks) as data: SVGs in its CSS.
        "img-src": ["'self'", "data:"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}

# Logins: locked for an hour after repeated wrong passwords (django-axes, accounts/lockout.py), each kind of
# client with its own limit; the admin's login too.
LOGIN_FAILURE_LIMITS = [
    (("username", "ip_address"), env_int("SANPHALANG_LOGIN_FAILURES_PER_ACCOUNT_AND_ADDRESS", 10)),
    (("username",), env_int("SANPHALANG_LOGIN_FAILURES_PER_ACCOUNT", 100)),
    (("ip_address",), env_int("SANPHALANG_LOGIN_FAILURES_PER_ADDRESS", 50)),
]
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_HANDLER = "sanphalang.accounts.lockout.LoginLockoutHandler"
AXES_LOCKOUT_PARAMETERS = [list(parameters) for parameters, _limit in LOGIN_FAILURE_LIMITS]
AXES_FAILURE_LIMIT = min(limit for _parameters, limit in LOGIN_FAILURE_LIMITS)
AXES_COOLOFF_TIME = timedelta(hours=1)
AXES_LOCKOUT_CALLABLE = "sanphalang.accounts.lockout.locked_out"
# A good login does not clear the count: it would clear the count of its address too, so a guesser with an
# account of their own could reset it between tries.
AXES_RESET_ON_SUCCESS = False
# Only failures are kept: a record of every good login's address and browser is personal data nothing here uses.
AXES_DISABLE_ACCESS_LOG = True

# Wrong API tokens: an address that sends this many in the window is refused (429) until the window ends.
API_BAD_TOKEN_LIMIT = env_int("SANPHALANG_API_BAD_TOKEN_LIMIT", 20)
API_BAD_TOKEN_WINDOW_SECONDS = env_int("SANPHALANG_API_BAD_TOKEN_WINDOW_SECONDS", 600)

EMAIL_BACKEND = os.environ.get("SANPHALANG_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = os.environ.get("SANPHALANG_FROM_EMAIL", "sanphalang@localhost")
EMAIL_HOST = os.environ.get("SANPHALANG_EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("SANPHALANG_EMAIL_PORT", 25)
EMAIL_HOST_USER = os.environ.get("SANPHALANG_EMAIL_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("SANPHALANG_EMAIL_PASSWORD", "")
EMAIL_USE_TLS = env_bool("SANPHALANG_EMAIL_USE_TLS", False)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("SANPHALANG_LOG_LEVEL", "WARNING")},
}
