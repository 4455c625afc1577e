#!/usr/bin/env bash
# `make run`: services, migrations, demo data, then the web server, the check service, a Celery worker and beat in
# the foreground. Ctrl-C stops everything this script started.
set -euo pipefail
cd "$(dirname "$0")/.."

data=.data
pg_port=${PORTAL_PG_PORT:-54329}
redis_port=${PORTAL_REDIS_PORT:-63799}
web_port=${PORTAL_PORT:-8000}
check_port=${PORTAL_CHECK_PORT:-$((web_port + 1))}
mkdir -p "$data"
scripts/system-packages.sh || true

if scripts/services.sh available; then
  scripts/services.sh start "$PWD/$data" "$pg_port" "$redis_port"
  services=1
  cat > .env <<ENV
# Written by make run: management commands in another terminal reach the same services.
DATABASE_URL=postgres://portal@127.0.0.1:$pg_port/portal
REDIS_URL=redis://127.0.0.1:$redis_port/0
ENV
else
  services=0
  echo "NOTICE: PostgreSQL or Redis is not installed: running on SQLite with tasks in-process."
  echo "        Install postgresql and redis-server for the real thing."
  printf '# Written by make run: no PostgreSQL/Redis on this machine.\nDATABASE_URL=sqlite:///.data/portal.sqlite3\n' > .env
fi

pids=()
stop_all() {
  trap - INT TERM EXIT
  echo; echo "Stopping..."
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  if [ "$services" = 1 ]; then scripts/services.sh stop "$PWD/$data"; fi
}
trap stop_all INT TERM EXIT

py=.venv/bin/python
$py manage.py compilemessages -v0 --ignore=.venv --ignore=node_modules >/dev/null
$py manage.py migrate -v0
$py manage.py load_demo
$py manage.py rebuild_match_keys --if-stale -v0  # keys written by older matching code (README)

# The real-time checks have a pool of their own; the pages and screenings run at a lower CPU priority, so that a
# check never waits for a core behind a page render (README, "Real-time checks"). The web's workers are single
# threaded (README, "The web's workers"); the time-out leaves a long export of the audit trail time to finish.
nice -n 10 $py -m gunicorn interpol_portal.wsgi --bind "127.0.0.1:$web_port" --workers 5 --timeout 300 \
  --access-logfile - --log-level warning &
pids+=($!)
$py -m gunicorn interpol_portal.wsgi_checks --bind "127.0.0.1:$check_port" --workers 2 --timeout 60 \
  --access-logfile - --log-level warning &
pids+=($!)
if [ "$services" = 1 ]; then
  $py -m celery -A interpol_portal worker -Q realtime,batch,default --concurrency 2 --loglevel WARNING -n "portal@%h" &
  pids+=($!)
  $py -m celery -A interpol_portal beat --loglevel WARNING -s "$data/celerybeat-schedule" &
  pids+=($!)
fi

for port in "$web_port" "$check_port"; do
  for _ in $(seq 100); do
    curl -fs -o /dev/null "http://127.0.0.1:$port/healthz" 2>/dev/null && break
    curl -s -o /dev/null "http://127.0.0.1:$port/healthz" 2>/dev/null && break
    sleep 0.2
  done
done
cat <<MSG

  The portal is running at http://127.0.0.1:$web_port/
  Real-time checks of NCB systems (/api/v1/check/...): http://127.0.0.1:$check_port/
  Demo logins (password: ${DEMO_PASSWORD:-Interpol-Demo-2026!}):
    officer.fr, head.fr, officer.es, officer.eg (Arabic), officer.ke, head.ke ... (cc: fr es us eg ar sg ke th ma ae)
    ccc.lyon, ccc.singapore, ccc.buenosaires, ccc.supervisor, reviewer, trainer, admin (superuser)
  Press Ctrl-C to stop.

MSG
wait -n "${pids[@]}" || true
