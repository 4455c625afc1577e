"""Settings for every environment, read from the environment (see README, "Configuration").

Development works with no variable set. PORTAL_ENV=production switches to production mode, which refuses to
start without a secret key and allowed hosts and passes `manage.py check --deploy`.
"""

from pathlib import Path

from django.utils.translation import gettext_lazy as _

from .env import (
    env_bool,
    env_choice,
    env_float,
    env_int,
    env_list,
    env_str,
    load_dotenv,
    parse_database_url,
)

BASE_DIR = Path(__file__).resolve().parent.parent
load_dotenv(BASE_DIR / ".env")

PORTAL_ENV = env_choice("PORTAL_ENV", "development", ("development", "production"))
PRODUCTION = PORTAL_ENV == "production"
DEBUG = env_bool("DEBUG", False)

if PRODUCTION:
    SECRET_KEY = env_str("SECRET_KEY")
    ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
    if not ALLOWED_HOSTS:
        from django.core.exceptions import ImproperlyConfigured

        raise ImproperlyConfigured("Set ALLOWED_HOSTS (comma-separated) in production.")
else:
    # A fixed development key: development data is disposable and the key never leaves this machine.
    SECRET_KEY = env_str("SECRET_KEY", "dev-only-insecure-key-7c1f0b9e3a2d4f6e8b0c1d2e3f4a5b6c7d8e9f0a")
    ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]", "testserver"])

CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # modeltranslation must come before the admin so that translated fields appear there.
    "modeltranslation",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "rest_framework",
    "django_filters",
    "drf_spectacular",
    "django_celery_beat",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "ncb",
    "databases",
    "notices",
    "ccc",
    "training",
    "analysis",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Sees the final answer of everything inside it (CSRF refusals, role checks, the API's 401 and 403).
    "ncb.middleware.DeniedAccessAuditMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "ncb.middleware.UserLanguageMiddleware",
    "ncb.middleware.IdleTimeoutMiddleware",
    "ncb.middleware.TwoFactorRequiredMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "interpol_portal.security.SecurityHeadersMiddleware",
    # axes last: it inspects the response of the login view.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "interpol_portal.urls"
WSGI_APPLICATION = "interpol_portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "ncb.context_processors.portal",
            ],
        },
    },
]

# Database: PostgreSQL in every real deployment; SQLite only as the no-server fallback of `make run`.
DATABASES = {
    "default": parse_database_url(env_str("DATABASE_URL", "sqlite:///.data/portal.sqlite3"), base_dir=BASE_DIR)
}
DATABASES["default"]["CONN_MAX_AGE"] = env_int("DB_CONN_MAX_AGE", 60, minimum=0)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # No JIT: at 100,000 persons it spent 3 of the 4 seconds of a list page compiling a query that runs in 0.5 s;
    # the portal's requests are short OLTP queries on which JIT never pays back (bench/load.py, docs/benchmarks.md).
    # Generic plans for the prepared statements of the hot path (interpol_portal.prepared): left to choose,
    # PostgreSQL kept planning a hit's record query at each run (0.76 ms of planning for 0.13 ms of work).
    # Nothing else is prepared: the ORM's queries are planned each time as before.
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault(
        "options", "-c jit=off -c plan_cache_mode=force_generic_plan"
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "ncb.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

# Sign-in protection (django-axes): lock an account/IP pair after repeated failures.
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5, minimum=1)
AXES_COOLOFF_TIME = env_float("AXES_COOLOFF_HOURS", 0.5)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_TEMPLATE = "ncb/locked_out.html"
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False

# Two-factor authentication is required for CCC, reviewer and administrator roles when this is on.
OTP_REQUIRED_FOR_PRIVILEGED = env_bool("OTP_REQUIRED_FOR_PRIVILEGED", PRODUCTION)
OTP_TOTP_ISSUER = "INTERPOL Portal"
SESSION_IDLE_TIMEOUT = env_int("SESSION_IDLE_TIMEOUT_SECONDS", 30 * 60, minimum=60)
SESSION_COOKIE_AGE = env_int("SESSION_COOKIE_AGE_SECONDS", 12 * 3600, minimum=300)

# Languages: the four official languages of the organization.
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("ar", _("Arabic")),
    ("en", _("English")),
    ("fr", _("French")),
    ("es", _("Spanish")),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "UTC"
MODELTRANSLATION_DEFAULT_LANGUAGE = "en"
MODELTRANSLATION_FALLBACK_LANGUAGES = ("en", "fr", "es", "ar")

# Static files: front-end packages come from the npm registry into node_modules at set-up time.
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / ".data" / "static"
STATICFILES_DIRS = [
    BASE_DIR / "static",
    ("vendor/bootstrap", BASE_DIR / "node_modules" / "bootstrap" / "dist"),
    ("vendor/htmx", BASE_DIR / "node_modules" / "htmx.org" / "dist"),
    ("vendor/chartjs", BASE_DIR / "node_modules" / "chart.js" / "dist"),
    ("vendor/swagger-ui", BASE_DIR / "node_modules" / "swagger-ui-dist"),
]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if PRODUCTION
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
# Outside production, whitenoise serves straight from the finders so no collectstatic step is needed.
WHITENOISE_USE_FINDERS = not PRODUCTION
WHITENOISE_AUTOREFRESH = not PRODUCTION
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(BASE_DIR / ".data" / "media")))
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024

# Redis: the Celery broker and the cache (rate limits, locks).
REDIS_URL = env_str("REDIS_URL", "")
if REDIS_URL:
    # Answers as a miss (and logs) when Redis is down: the cache is an optimisation, not a dependency.
    CACHES = {
        "default": {
            "BACKEND": "interpol_portal.cache.ResilientRedisCache",
            "LOCATION": REDIS_URL,
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Celery: three queues so that a long batch job never delays a frontline check.
CELERY_BROKER_URL = REDIS_URL or "memory://"
CELERY_RESULT_BACKEND = REDIS_URL or "cache+memory://"
CELERY_TASK_ALWAYS_EAGER = env_bool("CELERY_TASK_ALWAYS_EAGER", not REDIS_URL)
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_SERIALIZER = "json"
CELERY_RESULT_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_TIME_LIMIT = env_int("CELERY_TASK_TIME_LIMIT", 30 * 60, minimum=10)
CELERY_TASK_SOFT_TIME_LIMIT = env_int("CELERY_TASK_SOFT_TIME_LIMIT", 25 * 60, minimum=5)
CELERY_RESULT_EXPIRES = 24 * 3600
# The portal never waits for a task's return value (jobs keep their progress in the database). Storing none also
# keeps a sender from subscribing to the result in Redis: with Redis down, that subscription retried for 20 s
# before the outbox could keep the task (tests/faults/test_redis_down.py).
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_DEFAULT_QUEUE = "default"
CELERY_TASK_QUEUES_NAMES = ("realtime", "batch", "default")
# Routing by module (pretix): a task's module decides its queue; unlisted modules use "default".
CELERY_QUEUE_BY_MODULE = {
    "databases.tasks": "realtime",
    "databases.matching.tasks": "batch",
    "databases.imports.tasks": "batch",
    "databases.screening.tasks": "batch",
    "notices.tasks": "default",
    "ccc.tasks": "default",
    "training.tasks": "default",
    "interpol_portal.tasks": "default",
}
# Visibility timeout above the hard time limit so that an unacknowledged task is redelivered only after it died.
CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": CELERY_TASK_TIME_LIMIT + 600}
CELERY_BEAT_SCHEDULER = "django_celery_beat.schedulers:DatabaseScheduler"
# A task that cannot be sent is kept in the database (ncb.outbox) after a short retry, not waited for.
CELERY_TASK_PUBLISH_RETRY_POLICY = {"max_retries": 2, "interval_start": 0, "interval_step": 0.2, "interval_max": 0.2}
CELERY_BEAT_SCHEDULE: dict = {"ncb-outbox-flush": {"task": "ncb.tasks.outbox_flush_task", "schedule": 60}}
CELERY_TIMEZONE = "UTC"

# REST API
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "ncb.api.authentication.ApiTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_PAGINATION_CLASS": "ncb.pagination.CappedLimitOffsetPagination",
    "PAGE_SIZE": 50,
    "DEFAULT_THROTTLE_CLASSES": ["ncb.api.throttling.TokenRateThrottle"],
    "DEFAULT_THROTTLE_RATES": {"token": env_str("API_RATE_LIMIT", "6000/min"), "public": "60/min"},
    "EXCEPTION_HANDLER": "interpol_portal.api.exception_handler",
    "UNAUTHENTICATED_USER": None,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Police cooperation portal API",
    "DESCRIPTION": "Real-time checks, screening and records of the global databases, for NCB systems.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SERVE_PERMISSIONS": ["rest_framework.permissions.IsAuthenticated"],
    "COMPONENT_SPLIT_REQUEST": True,
    # Every app has a "status": name each choice set after its model so the schema's enums stay distinct.
    "ENUM_NAME_OVERRIDES": {
        "CaseStatusEnum": "ccc.choices.CaseStatus",
        "NoticeStatusEnum": "notices.choices.NoticeStatus",
        "ScreeningStatusEnum": "notices.choices.ScreeningStatus",
        "DiffusionStatusEnum": "notices.choices.DiffusionStatus",
        "EnrolmentStatusEnum": "training.choices.EnrolmentStatus",
        "ImportStatusEnum": "databases.choices.ImportStatus",
    },
    # Served from our own static files (npm swagger-ui-dist): the portal must work on a closed network.
    "SWAGGER_UI_DIST": "/static/vendor/swagger-ui",
    "SWAGGER_UI_FAVICON_HREF": "/static/vendor/swagger-ui/favicon-32x32.png",
}

# Mail: console in development; SMTP settings from the environment in production.
EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "portal@localhost")

# Security headers. Production behind TLS; development over plain HTTP on loopback.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False
if PRODUCTION:
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    # Container health checks call each service on its own port, without TLS (docker-compose.yml).
    SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000, minimum=0)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; "
    "font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'"
)

# Demo data is for development and tests only; `load_demo` refuses to run in production.
DEMO_PASSWORD = env_str("DEMO_PASSWORD", "Interpol-Demo-2026!")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {"django.db.backends": {"level": "WARNING"}},
}

# ---------------------------------------------------------------------------------------------------------------
# App settings. Each app keeps its own block below; edit only your app's block.
# ---------------------------------------------------------------------------------------------------------------

# --- databases ---
# Data rules: a record is reviewed RECORD_REVIEW_YEARS after it was recorded; its owner is reminded before.
RECORD_REVIEW_YEARS = env_int("RECORD_REVIEW_YEARS", 5, minimum=1)
RECORD_REVIEW_REMINDER_DAYS = env_int("RECORD_REVIEW_REMINDER_DAYS", 183, minimum=1)
# A hit at or above this priority (choices.HitPriority: 1 low .. 4 urgent) is handed to HIT_ESCALATION_HANDLER,
# a dotted path to a function taking a list of hit ids (the CCC app sets it; empty: nothing happens).
HIT_CASE_PRIORITY_THRESHOLD = env_int("HIT_CASE_PRIORITY_THRESHOLD", 3, minimum=1)
HIT_ESCALATION_HANDLER = env_str("HIT_ESCALATION_HANDLER", "")
CHECK_BATCH_MAX_ITEMS = 1000
CHECK_MAX_MATCHES = 20
# Uploads: photos are checked by content, re-encoded (metadata dropped) and thumbnailed.
RECORD_PHOTO_MAX_BYTES = env_int("RECORD_PHOTO_MAX_BYTES", 8 * 1024 * 1024, minimum=1024)
RECORD_PHOTO_MAX_PIXELS = 40_000_000
RECORD_PHOTO_MAX_SIDE = 2400
RECORD_THUMBNAIL_SIDE = 240
IMPORT_MAX_BYTES = env_int("IMPORT_MAX_BYTES", 200 * 1024 * 1024, minimum=1024)
IMPORT_CHUNK_ROWS = 2000
IMPORT_MAX_REPORTED_ERRORS = 1000
# Name the record status enum in the OpenAPI schema (other apps' "status" choices must not collide with it).
SPECTACULAR_SETTINGS.setdefault("ENUM_NAME_OVERRIDES", {}).update(
    {"RecordStatusEnum": "databases.choices.RecordStatus", "DocumentTypeEnum": "databases.choices.DocumentType"}
)
CELERY_BEAT_SCHEDULE.update(
    {
        "databases-review-reminders": {
            "task": "databases.tasks.record_review_remind_task",
            "schedule": 24 * 3600,
        },
    }
)

# --- runtime ---
# Python's cycle collector thresholds in gunicorn and Celery workers (interpol_portal.runtime); Python's own are
# 700, 10, 10. A middle collection scans up to YOUNG x MIDDLE objects, mostly new entries of the matching caches:
# at 20,000 x 10 that was a 75-280 ms pause in one screening in a hundred (docs/benchmarks.md, session 20). Full
# collections stay as rare (once per YOUNG x MIDDLE x OLD objects kept, and Python's own condition on their share).
# A web worker collects every generation once per this many requests (interpol_portal.runtime).
GC_FULL_COLLECTION_REQUESTS = env_int("GC_FULL_COLLECTION_REQUESTS", 500, minimum=1)
GC_THRESHOLDS = (
    env_int("GC_THRESHOLD_YOUNG", 2_000, minimum=1),
    env_int("GC_THRESHOLD_MIDDLE", 4, minimum=1),
    env_int("GC_THRESHOLD_OLD", 500, minimum=1),
)

# --- matching ---
# Person screening and record matching (databases.services.screening / matching, DESIGN section 5).
# Score from which a person is a candidate (the core's MATCH_THRESHOLD, tuned on bench/names_accuracy.py).
MATCH_PERSON_THRESHOLD = env_float("MATCH_PERSON_THRESHOLD", 0.75)
MATCH_MAX_CANDIDATES = 2000  # persons scored per query, taken from the blocking-key table
MATCH_MAX_CANDIDATES_WITHOUT_DATE = 500  # without a date of birth: those sharing the most keys
MATCH_PREPARED_CACHE = 100_000  # prepared persons kept per process (about 1.5 KB each)
SCREENING_DEFAULT_LIMIT = 20
SCREENING_MAX_LIMIT = 200
SCREENING_JOB_MAX_ROWS = env_int("SCREENING_JOB_MAX_ROWS", 100_000, minimum=1)
SCREENING_JOB_CHUNK_ROWS = 200  # rows screened between two progress writes (a resumed job restarts there)
# Persons per sweep chunk: a chunk's candidates overlap, so larger chunks prepare each candidate fewer times
# (20,000: a quarter less time per person than 5,000, peak 1.3 GiB per worker at 1 M persons; docs/benchmarks.md).
MATCH_SWEEP_CHUNK_PERSONS = 20_000
# A sweep task takes chunks for this long, then queues its successor at the back of the batch queue: no task
# nears the time limit, and a screening job queued during a sweep waits minutes, not the whole sweep.
MATCH_SWEEP_TURN_SECONDS = env_int("MATCH_SWEEP_TURN_SECONDS", 300, minimum=1)
MATCH_SWEEP_WORKERS = env_int("MATCH_SWEEP_WORKERS", 2, minimum=1)  # tasks sharing one sweep's chunks
MATCH_SWEEP_STALE_MINUTES = 30  # a chunk claimed longer ago by a worker that died is taken again
# A job still waiting this long is queued again (its message was lost); duplicates find nothing left to do.
SCREENING_JOB_REQUEUE_MINUTES = 10
CELERY_BEAT_SCHEDULE.update(
    {
        "databases-match-sweep": {"task": "databases.screening.tasks.match_sweep_start_task", "schedule": 24 * 3600},
        # Jobs and sweeps of workers that died (screening.leases); also run when a worker starts.
        "databases-batch-recover": {"task": "databases.screening.tasks.batch_work_recover_task", "schedule": 300},
    }
)

# --- notices ---
NOTICE_VALIDITY_YEARS = env_int("NOTICE_VALIDITY_YEARS", 5, minimum=1)
NOTICE_EXPIRY_REMINDER_MONTHS = env_int("NOTICE_EXPIRY_REMINDER_MONTHS", 6, minimum=1)
NOTICE_REVIEW_TARGET_HOURS = env_int("NOTICE_REVIEW_TARGET_HOURS", 24, minimum=1)
# Red Notice thresholds (Rules on the Processing of Data, art. 83): prosecution for an offence punishable by at
# least two years, or at least six months of a sentence left to serve.
NOTICE_RED_MIN_PENALTY_MONTHS = 24
NOTICE_RED_MIN_SENTENCE_MONTHS = 6
# Dotted path of a callable told about published notices that need the CCC's attention (screening hits, Orange
# Notices): handler(*, notice_id: int, reason: str, hit_ids: list[int]). Empty: nobody is called.
NOTICE_ATTENTION_HANDLER = env_str("NOTICE_ATTENTION_HANDLER", "")
from celery.schedules import crontab  # noqa: E402

CELERY_BEAT_SCHEDULE.update(
    {
        "notices-expire": {"task": "notices.tasks.notice_expire_due_task", "schedule": crontab(minute=15)},
        "notices-remind": {"task": "notices.tasks.notice_remind_expiring_task", "schedule": crontab(hour=6, minute=0)},
        "notices-screen-pending": {
            "task": "notices.tasks.notice_screen_pending_task",
            "schedule": crontab(hour="*/6", minute=30),
        },
    }
)

# --- ccc ---
# First-reply deadlines in elapsed hours, per case priority.
CCC_FIRST_REPLY_HOURS = {
    "urgent": env_int("CCC_URGENT_REPLY_HOURS", 8, minimum=1),
    "standard": env_int("CCC_STANDARD_REPLY_HOURS", 12, minimum=1),
}
# A case without a first reply this close to its deadline is flagged to the CCC supervisors.
CCC_ESCALATION_MARGIN_MINUTES = env_int("CCC_ESCALATION_MARGIN_MINUTES", 60, minimum=1)
# A shift end older than this when the beat runs is not handed over any more (beat down for a long time).
CCC_HANDOVER_CATCH_UP_MINUTES = env_int("CCC_HANDOVER_CATCH_UP_MINUTES", 120, minimum=5)
CCC_ATTACHMENT_MAX_BYTES = env_int("CCC_ATTACHMENT_MAX_BYTES", 5 * 1024 * 1024, minimum=1024)
CCC_ATTACHMENT_MAX_COUNT = env_int("CCC_ATTACHMENT_MAX_COUNT", 5, minimum=1)
CCC_QUEUE_PAGE_SIZE = 50
CCC_DASHBOARD_DAYS = 30
CCC_DASHBOARD_HIT_DAYS = 14
# Links in mails need the portal's public address.
CCC_MAIL_BASE_URL = env_str("PORTAL_URL", "http://127.0.0.1:8000")
# Called by the databases app, on commit, for a hit at or above HIT_CASE_PRIORITY_THRESHOLD.
HIT_ESCALATION_HANDLER = "ccc.intake.cases_open_from_hits"
# Called by the notices app for a published notice that needs the CCC's attention.
NOTICE_ATTENTION_HANDLER = "ccc.intake.case_open_from_notice"
CELERY_BEAT_SCHEDULE.update(
    {
        "ccc-hand-over": {"task": "ccc.tasks.cases_hand_over_due_task", "schedule": 120.0},
        "ccc-escalation": {"task": "ccc.tasks.cases_escalate_due_task", "schedule": 300.0},
    }
)

# --- training ---
# Certificates need a TTF font with Arabic glyphs (Debian: fonts-dejavu-core).
TRAINING_CERTIFICATE_FONT = env_str("TRAINING_CERTIFICATE_FONT", "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
TRAINING_CERTIFICATE_FONT_BOLD = env_str(
    "TRAINING_CERTIFICATE_FONT_BOLD", "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
)
# Public certificate check: look-ups per client address and minute (the codes are 80 random bits; this stops
# scraping and keeps the page cheap).
TRAINING_VERIFY_PER_MINUTE = env_int("TRAINING_VERIFY_PER_MINUTE", 20, minimum=1)
# Links in mails and on certificates need the portal's public address.
TRAINING_PORTAL_URL = env_str("PORTAL_URL", "http://127.0.0.1:8000")
TRAINING_PAGE_SIZE = 25

# --- analysis ---
# Link chart: an expansion stops at this many nodes (the API's `limit` may ask for fewer, never more) and says so.
ANALYSIS_GRAPH_DEFAULT_NODES = env_int("ANALYSIS_GRAPH_DEFAULT_NODES", 150, minimum=2)
ANALYSIS_GRAPH_MAX_NODES = env_int("ANALYSIS_GRAPH_MAX_NODES", 1500, minimum=2)
ANALYSIS_GRAPH_DEFAULT_DEPTH = 2
ANALYSIS_GRAPH_MAX_DEPTH = 4
# Trends: how far back the charts and the CSV export may go.
ANALYSIS_TRENDS_DEFAULT_MONTHS = 12
ANALYSIS_TRENDS_MAX_MONTHS = 60
# The graph library comes from the npm registry (package.json), served from our own static files like the others.
STATICFILES_DIRS.append(("vendor/cytoscape", BASE_DIR / "node_modules" / "cytoscape" / "dist"))
