#!/usr/bin/env bash
# Refreshes requirements/service.lock and requirements/dev.lock with uv's resolver: the newest
# versions pyproject.toml's ranges allow, for Python 3.11. Then run ./run test before committing.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-.venv/bin/python}
"$PY" -m pip install -q --disable-pip-version-check "uv>=0.9,<1"
uv="$("$PY" -c 'import sysconfig; print(sysconfig.get_path("scripts"))')/uv"
"$uv" pip compile pyproject.toml --python-version 3.11 --upgrade --no-annotate --no-header -q \
  -o requirements/service.lock "$@"
"$uv" pip compile pyproject.toml --extra dev --python-version 3.11 --upgrade --no-annotate \
  --no-header -q -o requirements/dev.lock "$@"
echo "lock refreshed: requirements/service.lock, requirements/dev.lock (now run ./run test)"
