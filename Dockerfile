# Image for web, the check service, worker and beat. Front-end packages come from the npm registry at build time.
FROM node:20-bookworm-slim AS frontend
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund --loglevel=error

# The matching core compiled with mypyc (scripts/build_native.py); the compiler stays out of the final image.
FROM python:3.11-slim-bookworm AS native
RUN apt-get update && apt-get install -y --no-install-recommends gcc libc6-dev && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY requirements.lock ./
RUN pip install --no-cache-dir -r requirements.lock
COPY databases/__init__.py databases/
COPY databases/matching databases/matching
COPY scripts/build_native.py scripts/
RUN python scripts/build_native.py && test -f .native/databases/matching/SOURCES.sha256

FROM python:3.11-slim-bookworm
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PORTAL_ENV=production
RUN apt-get update && apt-get install -y --no-install-recommends gettext fonts-dejavu-core \
    && rm -rf /var/lib/apt/lists/* && useradd --system --create-home portal
WORKDIR /app
COPY requirements.lock ./
RUN pip install --no-cache-dir -r requirements.lock
COPY --from=frontend /app/node_modules ./node_modules
COPY . .
COPY --from=native /app/.native ./.native
RUN SECRET_KEY=build ALLOWED_HOSTS=build DATABASE_URL=sqlite:////tmp/build.sqlite3 \
    python manage.py compilemessages -v0 --ignore=node_modules \
    && SECRET_KEY=build ALLOWED_HOSTS=build DATABASE_URL=sqlite:////tmp/build.sqlite3 \
    python manage.py collectstatic --noinput -v0
USER portal
EXPOSE 8000 8001
CMD ["gunicorn", "interpol_portal.wsgi", "--bind", "0.0.0.0:8000", "--workers", "4", "--threads", "4"]
