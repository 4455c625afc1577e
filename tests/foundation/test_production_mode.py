"""Production mode is one variable away, refuses to start half-configured, and passes check --deploy."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# The browser tests set DJANGO_ALLOW_ASYNC_UNSAFE for Playwright; a production process never has it.
_NOT_INHERITED = {"SECRET_KEY", "ALLOWED_HOSTS", "DJANGO_ALLOW_ASYNC_UNSAFE"}


def _manage(*args, **env):
    environment = {key: value for key, value in os.environ.items() if key not in _NOT_INHERITED}
    environment.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=environment, capture_output=True, text=True, timeout=120
    )


def test_production_refuses_to_start_without_a_secret_key():
    result = _manage("check", PORTAL_ENV="production", ALLOWED_HOSTS="portal.example.org")
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_production_refuses_to_start_without_allowed_hosts():
    result = _manage("check", PORTAL_ENV="production", SECRET_KEY="x" * 64)
    assert result.returncode != 0
    assert "ALLOWED_HOSTS" in result.stderr


def test_check_deploy_is_clean_in_production_mode():
    result = _manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        PORTAL_ENV="production",
        SECRET_KEY="k" * 20 + "Z9!q" * 12,
        ALLOWED_HOSTS="portal.example.org",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "WARNINGS" not in result.stdout + result.stderr


def test_the_health_check_is_not_sent_to_https_in_production_mode():
    # docker-compose's health checks call /healthz on each container's own port, over plain HTTP.
    script = (
        "from django.test import Client; c = Client(); print(c.get('/healthz').status_code, c.get('/en/').status_code)"
    )
    result = _manage(
        "shell", "-c", script, PORTAL_ENV="production", SECRET_KEY="k" * 20 + "Z9!q" * 12, ALLOWED_HOSTS="testserver"
    )
    assert result.returncode == 0, result.stderr
    healthz, page = result.stdout.split()[-2:]
    assert healthz in ("200", "503") and page == "301"
