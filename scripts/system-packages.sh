#!/usr/bin/env bash
# Install the Debian packages the portal needs when they are missing: PostgreSQL and Redis servers, gettext,
# and (for the browser tests) Chromium. Only as root; otherwise say what is missing and go on.
set -euo pipefail
want=()
ls -d /usr/lib/postgresql/*/bin >/dev/null 2>&1 || want+=(postgresql)
command -v redis-server >/dev/null 2>&1 || want+=(redis-server)
command -v msgfmt >/dev/null 2>&1 || want+=(gettext)
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || want+=(fonts-dejavu-core)
if [ "${WITH_BROWSER:-0}" = 1 ]; then command -v chromium >/dev/null 2>&1 || want+=(chromium); fi
[ ${#want[@]} -eq 0 ] && exit 0
if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "note: missing system packages: ${want[*]} (install them with your package manager)" >&2
  exit 0
fi
echo "Installing system packages: ${want[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >/dev/null
apt-get install -y -qq --no-install-recommends "${want[@]}" >/dev/null
