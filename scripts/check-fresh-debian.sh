#!/usr/bin/env bash
# Tries the README's two commands as a newcomer would: on a minimal Debian 12 (bookworm) root
# made with debootstrap, with only python3, git and ca-certificates, as root.
#   scripts/check-fresh-debian.sh [ROOTDIR]     (default /var/tmp/shejiu-fresh-debian)
# Copies this checkout (committed files only) and ../shared in, runs `./run serve` until /readyz
# answers 200 and a guest holds a short conversation, stops it, then runs `./run test`; prints
# the time of each step. Slow (minutes): not part of .ci/run.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=${1:-/var/tmp/shejiu-fresh-debian}
MIRROR=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
PORT=${PORT:-8765}
step() { printf '\n== %s (%s)\n' "$1" "$(date -u +%H:%M:%S)"; }
timed() { local t0=$SECONDS; "$@"; echo "-- took $((SECONDS - t0)) s"; }

command -v debootstrap >/dev/null || { apt-get update -qq; apt-get install -y -qq debootstrap >/dev/null; }

step "minimal Debian 12 root in $ROOT"
if [ ! -x "$ROOT/usr/bin/python3" ]; then
  rm -rf "$ROOT"
  timed debootstrap --variant=minbase --include=python3,git,ca-certificates bookworm "$ROOT" "$MIRROR" >/dev/null
fi
cp /etc/resolv.conf "$ROOT/etc/resolv.conf"
# The network's own certificate authorities (a proxy that re-signs TLS, as in this workplace):
# every machine on that network trusts them, so the fresh root does too. Nothing else is copied.
if compgen -G "/usr/local/share/ca-certificates/*.crt" >/dev/null; then
  mkdir -p "$ROOT/usr/local/share/ca-certificates"
  cp /usr/local/share/ca-certificates/*.crt "$ROOT/usr/local/share/ca-certificates/"
  chroot "$ROOT" update-ca-certificates >/dev/null 2>&1 || true
  printf '[global]\ncert = /etc/ssl/certs/ca-certificates.crt\n' > "$ROOT/etc/pip.conf"
fi
mountpoint -q "$ROOT/proc" || mount -t proc proc "$ROOT/proc"
mountpoint -q "$ROOT/dev" || mount --bind /dev "$ROOT/dev"
mountpoint -q "$ROOT/dev/shm" || mount -t tmpfs tmpfs "$ROOT/dev/shm"
trap 'umount "$ROOT/dev/shm" "$ROOT/dev" "$ROOT/proc" 2>/dev/null || true' EXIT

step "copy the checkout (committed files) and shared/"
rm -rf "$ROOT/work" && mkdir -p "$ROOT/work"
git clone -q "$(pwd)" "$ROOT/work/main"
cp -r ../shared "$ROOT/work/shared"
in_root() { chroot "$ROOT" /usr/bin/env -i HOME=/root PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 bash -c "$1"; }

step "./run serve (until /readyz is 200, then a guest conversation)"
t0=$SECONDS
in_root "cd /work/main && { PORT=$PORT ./run serve > /tmp/serve.log 2>&1 & echo \$! > /tmp/serve.pid; }"
ready=""
for _ in $(seq 1 900); do
  if in_root "python3 -c \"import urllib.request,sys; sys.exit(0 if urllib.request.urlopen('http://127.0.0.1:$PORT/readyz').status==200 else 1)\"" 2>/dev/null; then
    ready=1; break
  fi
  sleep 1
done
[ -n "$ready" ] || { tail -40 "$ROOT/tmp/serve.log"; echo "FAIL: not ready"; exit 1; }
echo "-- ready after $((SECONDS - t0)) s (set-up included)"
in_root "python3 - <<'PY'
import json, urllib.request
base = 'http://127.0.0.1:$PORT/api/v1'
def call(path, body=None, token=None):
    req = urllib.request.Request(base + path, data=json.dumps(body or {}).encode(), method='POST',
                                 headers={'Content-Type': 'application/json', **({'Authorization': 'Bearer ' + token} if token else {})})
    return json.load(urllib.request.urlopen(req))
token = call('/auth/guest')['token']
start = call('/sessions', {'region': 'gansu', 'channel': 'web'}, token)
print('bot:', start['replies'][-1].get('text', '')[:60])
for text in ['我们家两口人', '我68岁', '没有']:
    turn = call('/sessions/%s/messages' % start['session_id'], {'text': text}, token)
    print('me :', text, '| bot:', turn['replies'][-1].get('text', '')[:60])
print('conversation ok')
PY"
step "stop it with SIGTERM (the embedded redis-server must stop too)"
in_root 'kill -TERM "$(cat /tmp/serve.pid)"'; sleep 5
if in_root "python3 -c \"import socket; socket.create_connection(('127.0.0.1', 6390), 1)\"" 2>/dev/null; then
  echo "FAIL: the embedded redis-server is still running"; exit 1
fi
echo "-- service and embedded redis-server stopped"

step "start-up time once installed (python -m api.startup_time: cold = trains the model)"
in_root "cd /work/main && .venv/bin/python -m api.startup_time"

step "./run test"
t0=$SECONDS
in_root "cd /work/main && ./run test" | tail -4
echo "-- ./run test took $((SECONDS - t0)) s"
