#!/usr/bin/env bash
# Installs what the project needs on a fresh Debian machine (run as root), and nothing twice.
#   scripts/setup.sh          what the service needs
#   scripts/setup.sh --test   also what the tests need (Chromium, PostgreSQL, poppler, dev tools)
# Python packages go into the project's own virtual environment .venv/ (never the system
# Python: Debian's refuses pip installs, PEP 668), at the exact versions of requirements/*.lock.
set -euo pipefail
cd "$(dirname "$0")/.."
BOOT=${PYTHON_BOOTSTRAP:-python3}
VENV=.venv
mode=service
[ "${1:-}" = "--test" ] && mode=test

apt_install() {
  if [ "$(id -u)" != 0 ]; then
    echo "setup: please install (as root): $*" >&2
    return 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  if [ -z "${_apt_updated:-}" ]; then apt-get update -qq; _apt_updated=1; fi
  apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

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
  # pkill/pgrep for cleaning up test processes.
  command -v pkill >/dev/null || need_apt+=(procps)
fi
if [ ${#need_apt[@]} -gt 0 ]; then
  apt_install "${need_apt[@]}" || true
fi

# The virtual environment. Debian ships venv (ensurepip) separately: python3-venv.
if [ ! -x "$VENV/bin/python" ]; then
  rm -rf "$VENV"
  if ! "$BOOT" -m venv "$VENV" >/dev/null 2>&1; then
    rm -rf "$VENV"
    version=$("$BOOT" -c 'import sys; print(f"{sys.version_info[0]}.{sys.version_info[1]}")')
    apt_install "python${version}-venv" || apt_install python3-venv
    "$BOOT" -m venv "$VENV"
  fi
fi
PY="$VENV/bin/python"

# Python packages at the locked versions; reinstalled only when a lock, pyproject.toml or the
# mode changed.
lock=requirements/service.lock
[ "$mode" = test ] && lock=requirements/dev.lock
stamp="$VENV/.setup-stamp"
want=$(cat "$lock" pyproject.toml | sha256sum | cut -c1-16)-$mode
if [ ! -f "$stamp" ] || ! grep -qxF "$want" "$stamp"; then
  "$PY" -m pip install -q --disable-pip-version-check -r "$lock"
  "$PY" -m pip install -q --disable-pip-version-check --no-deps -e .
  echo "$want" >> "$stamp"
fi
