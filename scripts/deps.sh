#!/usr/bin/env bash
# Installs what reelbase needs on Debian 12, skipping what is already there.
set -euo pipefail
source "$(dirname "$0")/env.sh"

# python3-psycopg: the fuzzer (scripts/fuzz), run with Debian's /usr/bin/python3.
# dpkg-dev, debhelper, lintian: `make deb` (docs/packaging.md); postgresql-15-plpgsql-check:
# scripts/test-plpgsql-check.sh.
packages=(postgresql-15 postgresql-server-dev-15 libpq-dev postgresql-15-cron postgresql-15-pgtap make gcc
  python3 python3-psycopg dpkg-dev debhelper lintian postgresql-15-plpgsql-check)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  say "installing ${missing[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

command -v swift >/dev/null || die "Swift 6 is needed to build (expected at /opt/swift/usr/bin)"
[ -f "$("$PG_CONFIG" --includedir-server)/postgres.h" ] || die "server headers missing (postgresql-server-dev-15)"

if [ "$(id -u)" = 0 ] && ! id "$REELBASE_OS_USER" >/dev/null 2>&1; then
  say "creating OS user $REELBASE_OS_USER to own the throwaway cluster"
  useradd --system --create-home --shell /bin/bash "$REELBASE_OS_USER"
fi
