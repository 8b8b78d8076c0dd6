#!/usr/bin/env bash
# Installs, from Debian's packages, what the test suite drives for real: PostgreSQL (a private
# cluster is started by postgres.sh; its client's pg_dump and psql back up and restore, ADR 0030),
# Chromium (driven by playwright-core) and exiftool (writes and reads the camera metadata of test
# photos: ADR 0023 and the leak audit).
set -euo pipefail

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
command -v pg_dump >/dev/null 2>&1 || missing+=(postgresql-client)
command -v exiftool >/dev/null 2>&1 || missing+=(libimage-exiftool-perl)
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
  echo "pressroom: the tests need ${missing[*]} from Debian's packages. Run as root, or install them first:" >&2
  echo "  sudo apt-get update && sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi
echo "pressroom: installing ${missing[*]} from Debian's packages" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >&2
apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
# The Debian package starts a system cluster on 5432; the tests use their own private cluster.
if command -v pg_ctlcluster >/dev/null 2>&1; then
  for cluster in /etc/postgresql/*/main; do
    [ -d "$cluster" ] && pg_ctlcluster "$(basename "$(dirname "$cluster")")" main stop >/dev/null 2>&1 || true
  done
fi
