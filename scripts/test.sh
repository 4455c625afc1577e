#!/usr/bin/env bash
# `make test`: the whole suite on real PostgreSQL and Redis, started on free ports in a temporary folder and
# stopped afterwards. Extra arguments go to pytest (make test ARGS="-k healthz").
set -euo pipefail
cd "$(dirname "$0")/.."

WITH_BROWSER=1 scripts/system-packages.sh
if ! scripts/services.sh available; then
  echo "error: the PostgreSQL and Redis servers are needed for the tests; install them (see README)." >&2
  exit 1
fi

data=$(mktemp -d /tmp/portal-test.XXXXXX)
cleanup() { scripts/services.sh stop "$data"; rm -rf "$data"; }
trap cleanup EXIT
pg_port=$(.venv/bin/python scripts/free_port.py)
redis_port=$(.venv/bin/python scripts/free_port.py)
scripts/services.sh start "$data" "$pg_port" "$redis_port" --ephemeral

export PORTAL_ENV=development
export DATABASE_URL="postgres://portal@127.0.0.1:$pg_port/portal"
export REDIS_URL="redis://127.0.0.1:$redis_port/0"
export PORTAL_TEST_DATA_DIR="$data"
# Unit tests run tasks in-process; the integration tests start a real worker that does not.
export CELERY_TASK_ALWAYS_EAGER=1
export DJANGO_SETTINGS_MODULE=interpol_portal.settings

.venv/bin/python manage.py compilemessages -v0 --ignore=.venv --ignore=node_modules
set +e
.venv/bin/python -m pytest --create-db "$@"
status=$?
set -e
exit $status
