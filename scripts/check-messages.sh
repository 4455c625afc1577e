#!/usr/bin/env bash
# Fails when the catalogues are stale (makemessages would change them) or when a message in ar, fr or es is
# untranslated or fuzzy. The check works on a copy, so the tree is left as it was.
set -euo pipefail
cd "$(dirname "$0")/.."

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -a locale "$work/before"
make -s messages >/dev/null
status=0
# POT-Creation-Date changes on every run; everything else must be identical.
if ! diff -r -q -I '^"POT-Creation-Date' -x '*.mo' "$work/before" locale >/dev/null; then
  echo "locale/ is out of date: run 'make messages', translate the new entries and commit." >&2
  diff -r -u -I '^"POT-Creation-Date' -x '*.mo' "$work/before" locale | head -60 >&2 || true
  status=1
fi
rm -rf locale && cp -a "$work/before" locale
.venv/bin/python manage.py compilemessages -v0 --ignore=.venv --ignore=node_modules

for language in ar fr es; do
  report=$(msgfmt --statistics -o /dev/null "locale/$language/LC_MESSAGES/django.po" 2>&1)
  echo "$language: $report"
  if grep -qE "untranslated|fuzzy" <<<"$report"; then
    echo "locale/$language has untranslated or fuzzy messages." >&2
    status=1
  fi
done
exit $status
