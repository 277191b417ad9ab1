#!/usr/bin/env bash
# Installs what the project needs on a fresh Debian machine (run as root), and nothing twice.
#   scripts/setup.sh          what the service needs
#   scripts/setup.sh --test   also what the tests need (Chromium, PostgreSQL, poppler, dev tools)
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
mode=service
[ "${1:-}" = "--test" ] && mode=test

# Service: redis-server (sessions), pango + a CJK font (PDF forms).
need_apt=()
command -v redis-server >/dev/null || need_apt+=(redis-server)
fc-list 2>/dev/null | grep -qi "wenquanyi\|noto sans cjk" || need_apt+=(fonts-wqy-microhei fontconfig)
ldconfig -p | grep -q libpango-1.0 || need_apt+=(libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0)
if [ "$mode" = test ]; then
  # poppler-utils: tests read PDF text and render PNG pages.
  command -v pdftotext >/dev/null || need_apt+=(poppler-utils)
  # Headless Chromium for the browser tests (tests/web), driven by Playwright without downloads.
  [ -x /usr/bin/chromium ] || need_apt+=(chromium)
  # PostgreSQL server binaries for the PostgreSQL test leg (tests start a throwaway cluster).
  compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || need_apt+=(postgresql)
fi
if [ ${#need_apt[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
  else
    echo "setup: please install: ${need_apt[*]}" >&2
  fi
fi

# Python packages: reinstall only when pyproject.toml (or the mode) changed.
extras=""
[ "$mode" = test ] && extras="[dev]"
stamp=.setup-stamp
want=$(sha256sum pyproject.toml | cut -c1-16)-$mode-$("$PY" -c 'import sys;print(sys.version_info[:2])' | tr -d ' (),')
if [ ! -f "$stamp" ] || ! grep -qxF "$want" "$stamp" || ! "$PY" -m pip show -q shejiu-yijianshi >/dev/null 2>&1; then
  "$PY" -m pip install -q --disable-pip-version-check -e ".$extras"
  echo "$want" >> "$stamp"
fi
