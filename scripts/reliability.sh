#!/usr/bin/env bash
# `make reliability`: the long runs of docs/reliability.md, beyond the budget of `make test`:
#   1. tests/reliability at full size (PORTAL_RELIABILITY_FULL=1: schemathesis's coverage phase,
#      12 fuzz examples per operation and 4 per bad token, every field of every form with every hostile value);
#   2. tests/faults, printing the figures each fault test measures;
#   3. the mixed load against gunicorn on loopback (bench/load.py) on a tenth of DESIGN's data sizes.
# Each part starts its own PostgreSQL and Redis on free loopback ports and stops them afterwards.
#   make reliability [LOAD_SECONDS=60] [LOAD_CLIENTS=12]   (the load lists its 10 slowest requests and when they were due)
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== 1. reliability suites, full size"
PORTAL_RELIABILITY_FULL=1 scripts/test.sh --no-cov -q tests/reliability
echo "== 2. fault suites (their figures are printed in the captured output)"
log=$(mktemp /tmp/portal-faults.XXXXXX.log)
status=0
scripts/test.sh --no-cov -q -rP tests/faults >"$log" 2>&1 || status=$?
grep -E "^(restart |killed |5 requests )|passed|failed" "$log" || true
if [ "$status" != 0 ]; then tail -n 80 "$log"; exit "$status"; fi

echo "== 3. mixed load"
data=$(mktemp -d /tmp/portal-load.XXXXXX)
cleanup() { scripts/services.sh stop "$data"; rm -rf "$data"; }
trap cleanup EXIT
pg_port=$(.venv/bin/python scripts/free_port.py)
redis_port=$(.venv/bin/python scripts/free_port.py)
scripts/services.sh start "$data" "$pg_port" "$redis_port"
export PORTAL_ENV=development DJANGO_SETTINGS_MODULE=interpol_portal.settings
export DATABASE_URL="postgres://portal@127.0.0.1:$pg_port/portal" REDIS_URL="redis://127.0.0.1:$redis_port/0"
.venv/bin/python manage.py migrate -v0
.venv/bin/python manage.py load_demo >/dev/null
# Persons with realistic names where the development set of name pairs is at hand (the built-in lists make every
# name common to hundreds), and their blocking keys: screening compares candidates as in production.
names_file=${NAMES_FILE:-../shared/data/names/latin-arabic-tokens.tsv}
names=()
if [ -f "$names_file" ]; then names=(--names "$names_file"); fi
.venv/bin/python manage.py generate_records --persons 100000 --travel-documents 1000000 --vehicles 100000 "${names[@]}"
.venv/bin/python manage.py rebuild_match_keys
# As deployed (README, "Real-time checks"): the checks to their own service, each client one kind of request.
.venv/bin/python bench/load.py --duration "${LOAD_SECONDS:-60}" --clients "${LOAD_CLIENTS:-12}" --rate "${LOAD_RATE:-30}" \
  --by-kind --check-workers 2 --slowest 10
