#!/usr/bin/env bash
# Make the Docker sandbox usable on a fresh Debian/Ubuntu machine: install docker.io and debootstrap (apt, as
# root or through sudo), start dockerd when no daemon answers, and wait for it. Fails loudly (exit 1, with the
# daemon's log) when the daemon cannot start. Then build the image: .venv/bin/hpceval sandbox build --offline
set -euo pipefail

sudo=""
if [ "$(id -u)" != 0 ]; then sudo="sudo"; fi
need=()
command -v dockerd >/dev/null || need+=(docker.io)
command -v debootstrap >/dev/null || need+=(debootstrap)
if [ ${#need[@]} -gt 0 ]; then
  echo "setup-docker: installing ${need[*]}" >&2
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

if $sudo docker info >/dev/null 2>&1; then
  echo "setup-docker: a Docker daemon answers" >&2
  exit 0
fi
log=/var/log/hpceval-dockerd.log
echo "setup-docker: starting dockerd (log: $log)" >&2
$sudo sh -c "nohup dockerd >$log 2>&1 &"
for _ in $(seq 1 60); do
  if $sudo docker info >/dev/null 2>&1; then
    echo "setup-docker: dockerd is up" >&2
    exit 0
  fi
  sleep 1
done
echo "setup-docker: dockerd did not start within 60 s; its log ends with:" >&2
$sudo tail -n 30 "$log" >&2 || true
exit 1
