#!/usr/bin/env bash
# Installs what the project needs on a fresh Debian machine (run as root), and nothing twice.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}

# System packages: redis-server (sessions, tests), pango + a CJK font (PDF forms),
# poppler-utils (tests read PDF text and render PNG pages).
need_apt=()
command -v redis-server >/dev/null || need_apt+=(redis-server)
fc-list 2>/dev/null | grep -qi "wenquanyi\|noto sans cjk" || need_apt+=(fonts-wqy-microhei fontconfig)
ldconfig -p | grep -q libpango-1.0 || need_apt+=(libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0)
command -v pdftotext >/dev/null || need_apt+=(poppler-utils)
# Headless Chromium for the browser tests (tests/web), driven by Playwright without downloads.
[ -x /usr/bin/chromium ] || need_apt+=(chromium)
# PostgreSQL server binaries for the PostgreSQL test leg (tests start a throwaway cluster).
compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || need_apt+=(postgresql)
if [ ${#need_apt[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
  else
    echo "setup: please install: ${need_apt[*]}" >&2
  fi
fi

# Python packages: reinstall only when pyproject.toml changed.
stamp=.setup-stamp
want=$(sha256sum pyproject.toml | cut -c1-16)-$("$PY" -c 'import sys;print(sys.version_info[:2])' | tr -d ' (),')
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ] || ! "$PY" -c "import guides" 2>/dev/null; then
  "$PY" -m pip install -q --disable-pip-version-check -e ".[dev]"
  echo "$want" > "$stamp"
fi
